package io.switchboard.mention.channel.bluesky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.events.Channel;
import io.switchboard.events.CloudEventHeaders;
import io.switchboard.events.SwitchboardEvent;
import io.switchboard.events.Topics;
import io.switchboard.events.Visibility;
import io.switchboard.events.delivery.ReplyDelivered;
import io.switchboard.events.delivery.ReplyFailed;
import io.switchboard.events.mention.MentionReceived;
import io.switchboard.events.ticket.ReplyRequested;
import io.switchboard.fakes.FakeBlueskyServer;
import io.switchboard.mention.channel.ConnectorHealth;
import io.switchboard.mention.channel.CursorStore;
import io.switchboard.mention.channel.MentionSink;
import io.switchboard.mention.channel.PlatformCallException;
import io.switchboard.mention.fake.FakeSocialResource.InjectFakeBluesky;
import io.switchboard.mention.testing.Db;
import io.switchboard.mention.testing.EventPublisher;
import io.switchboard.mention.testing.TopicWatcher;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;

/** Bluesky polling and replies against the fake PDS. */
@QuarkusTest
class BlueskyChannelTest {

    @InjectFakeBluesky
    FakeBlueskyServer fake;

    @Inject
    MentionSink sink;

    @Inject
    CursorStore cursors;

    @Inject
    ConnectorHealth health;

    @Inject
    BlueskyReplyConnector replies;

    @Inject
    Pool pool;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    String connector;
    BlueskyApi api;

    @BeforeEach
    void fresh() {
        fake.reset();
        connector = "bluesky-test-" + UUID.randomUUID();
        api = new BlueskyApi(fake.baseUrl(), FakeBlueskyServer.IDENTIFIER, FakeBlueskyServer.APP_PASSWORD,
                Duration.ofSeconds(5));
    }

    private BlueskyPoller poller() {
        return new BlueskyPoller(connector, api, FakeBlueskyServer.IDENTIFIER, 10, cursors, sink, health, Clock.systemUTC());
    }

    @Test
    void notificationsBecomeThreadedMentionsOnceAndLikesAreIgnored() throws InterruptedException {
        fake.pageSize(2);
        ObjectNode root = fake.notify("mention", "did:plc:jo", "jo.test", "@acme.test my parcel is lost", null, null);
        ObjectNode reply = fake.notify("reply", "did:plc:jo", "jo.test", "any news?", root.path("uri").asText(),
                root.path("cid").asText());
        ObjectNode like = fake.notify("like", "did:plc:li", "li.test", "liked", null, null);
        ObjectNode broken = fake.notify("mention", "did:plc:x", "x.test", "x", null, null);
        ((ObjectNode) broken.path("record")).remove("text");

        try (TopicWatcher mentions = new TopicWatcher(bootstrap, Topics.MENTIONS)) {
            assertThat(poller().pollOnce()).isEqualTo(2);
            List<TopicWatcher.Received> received = mentions.await(1, Duration.ofSeconds(15),
                    r -> r.event() instanceof MentionReceived m && m.externalId().equals(reply.path("uri").asText()));
            MentionReceived event = (MentionReceived) received.get(0).event();
            assertThat(event.conversationId()).isEqualTo(root.path("uri").asText());
            assertThat(event.inReplyToExternalId()).isEqualTo(root.path("uri").asText());
            assertThat(event.author().platformId()).isEqualTo("did:plc:jo");
            assertThat(received.get(0).key()).isEqualTo("bluesky:" + root.path("uri").asText());
        }
        assertThat(Db.mentions(pool, Channel.BLUESKY, like.path("uri").asText())).isZero();

        Thread.sleep(5); // a later indexedAt
        ObjectNode later = fake.notify("mention", "did:plc:ana", "ana.test", "hello again", null, null);
        assertThat(poller().pollOnce()).isEqualTo(1);
        assertThat(Db.mentions(pool, Channel.BLUESKY, later.path("uri").asText())).isEqualTo(1);
        assertThat(health.of(connector).state()).isEqualTo(ConnectorHealth.State.UP);
    }

    @Test
    void anExpiredSessionIsRenewed() {
        ObjectNode post = fake.notify("mention", "did:plc:jo", "jo.test", "first", null, null);
        BlueskyPoller poller = poller();
        assertThat(poller.pollOnce()).isEqualTo(1);

        fake.expireSessions();
        ObjectNode next = fake.notify("mention", "did:plc:jo", "jo.test", "after expiry", null, null);

        assertThat(poller.pollOnce()).isEqualTo(1);
        assertThat(Db.mentions(pool, Channel.BLUESKY, post.path("uri").asText())).isEqualTo(1);
        assertThat(Db.mentions(pool, Channel.BLUESKY, next.path("uri").asText())).isEqualTo(1);
    }

    @Test
    void aReplyCarriesRootAndParentAndCannotBeCreatedTwice() {
        ObjectNode root = fake.notify("mention", "did:plc:jo", "jo.test", "help", null, null);
        ObjectNode parent = fake.notify("reply", "did:plc:jo", "jo.test", "still waiting", root.path("uri").asText(),
                root.path("cid").asText());
        ReplyRequested reply = new ReplyRequested(UUID.randomUUID(), SwitchboardEvent.now(), UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID(), Channel.BLUESKY, null, Visibility.PUBLIC, root.path("uri").asText(),
                parent.path("uri").asText(), new ReplyRequested.Recipient("did:plc:jo", "jo.test"), "On its way!", "agent");

        try (TopicWatcher outcomes = new TopicWatcher(bootstrap, Topics.DELIVERY_EVENTS);
                EventPublisher publisher = new EventPublisher(bootstrap)) {
            publisher.publish(reply, CloudEventHeaders.sourceOf(Topics.TICKET_SERVICE));
            List<TopicWatcher.Received> received = outcomes.await(1, Duration.ofSeconds(20),
                    o -> o.key().equals(reply.replyId().toString()));
            ReplyDelivered delivered = (ReplyDelivered) received.get(0).event();
            assertThat(delivered.externalPostId()).startsWith("at://" + FakeBlueskyServer.BRAND_DID + "/app.bsky.feed.post/");
        }
        assertThat(fake.records()).hasSize(1);
        JsonNode record = fake.records().values().iterator().next().path("value");
        assertThat(record.path("reply").path("root").path("cid").asText()).isEqualTo(root.path("cid").asText());
        assertThat(record.path("reply").path("parent").path("cid").asText()).isEqualTo(parent.path("cid").asText());
        assertThat(record.path("text").asText()).isEqualTo("On its way!");

        // In doubt after a crash: the record is found by its key, and a second create is refused by the PDS.
        assertThat(replies.findPosted(reply)).isPresent();
        assertThatThrownBy(() -> replies.post(reply)).isInstanceOf(PlatformCallException.class);
        assertThat(fake.records()).hasSize(1);
    }

    @Test
    void aPrivateReplyFailsWithAReason() {
        ReplyRequested reply = new ReplyRequested(UUID.randomUUID(), SwitchboardEvent.now(), UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID(), Channel.BLUESKY, null, Visibility.PRIVATE, "at://c", null,
                new ReplyRequested.Recipient("did:plc:jo", "jo.test"), "psst", "agent");
        try (TopicWatcher outcomes = new TopicWatcher(bootstrap, Topics.DELIVERY_EVENTS);
                EventPublisher publisher = new EventPublisher(bootstrap)) {
            publisher.publish(reply, CloudEventHeaders.sourceOf(Topics.TICKET_SERVICE));
            ReplyFailed failed = (ReplyFailed) outcomes.await(1, Duration.ofSeconds(20),
                    o -> o.key().equals(reply.replyId().toString())).get(0).event();
            assertThat(failed.code()).isEqualTo(ReplyFailed.Code.CONTENT_REJECTED);
            assertThat(failed.reason()).contains("no private replies");
        }
    }
}
