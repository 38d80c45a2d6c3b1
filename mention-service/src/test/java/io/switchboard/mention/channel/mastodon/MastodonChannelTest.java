package io.switchboard.mention.channel.mastodon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.events.Channel;
import io.switchboard.events.CloudEventHeaders;
import io.switchboard.events.SwitchboardEvent;
import io.switchboard.events.Topics;
import io.switchboard.events.Visibility;
import io.switchboard.events.delivery.ReplyDelivered;
import io.switchboard.events.mention.MentionReceived;
import io.switchboard.events.ticket.ReplyRequested;
import io.switchboard.fakes.FakeMastodonServer;
import io.switchboard.mention.channel.ConnectorHealth;
import io.switchboard.mention.channel.CursorStore;
import io.switchboard.mention.channel.MentionSink;
import io.switchboard.mention.fake.FakeSocialResource.InjectFakeMastodon;
import io.switchboard.mention.testing.Db;
import io.switchboard.mention.testing.EventPublisher;
import io.switchboard.mention.testing.TopicWatcher;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;

/** Mastodon polling and replies against the fake instance. */
@QuarkusTest
class MastodonChannelTest {

    @InjectFakeMastodon
    FakeMastodonServer fake;

    @Inject
    MentionSink sink;

    @Inject
    CursorStore cursors;

    @Inject
    ConnectorHealth health;

    @Inject
    MastodonReplyConnector replies;

    @Inject
    Pool pool;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    String connector;

    @BeforeEach
    void fresh() {
        fake.reset();
        connector = "mastodon-test-" + UUID.randomUUID();
    }

    private MastodonPoller poller() {
        return new MastodonPoller(connector, new MastodonApi(fake.baseUrl(), FakeMastodonServer.TOKEN,
                Duration.ofSeconds(5)), "acme_help", 10, cursors, sink, health, Clock.systemUTC());
    }

    @Test
    void mentionsArePolledPageByPageAsPlainTextAndOnlyOnce() {
        fake.pageSize(2);
        String status = FakeMastodonServer.nextId();
        fake.mention(status, "77", "jo@fake.social", "<p>Hi <span class=\"h-card\"><a href=\"https://x\">@<span>acme_help"
                + "</span></a></span> my order &amp; refund?</p><p>Thanks<br>Jo</p>", "public");
        String direct = FakeMastodonServer.nextId();
        fake.mention(direct, "78", "ana", "<p>my card number is private</p>", "direct");
        String third = FakeMastodonServer.nextId();
        fake.mention(third, "79", "li", "<p>third</p>", "public");
        ObjectNode garbage = fake.mention(FakeMastodonServer.nextId(), "80", "x", "<p>x</p>", "public");
        garbage.remove("status");

        try (TopicWatcher mentions = new TopicWatcher(bootstrap, Topics.MENTIONS)) {
            assertThat(poller().pollOnce()).isEqualTo(3);

            List<TopicWatcher.Received> received = mentions.await(1, Duration.ofSeconds(15),
                    r -> r.event() instanceof MentionReceived m && m.channel() == Channel.MASTODON
                            && m.externalId().equals(status));
            MentionReceived first = (MentionReceived) received.get(0).event();
            assertThat(first.text()).isEqualTo("Hi @acme_help my order & refund?\n\nThanks\nJo");
            assertThat(first.author().handle()).isEqualTo("jo@fake.social");
        }
        assertThat(Db.mentions(pool, Channel.MASTODON, direct)).isEqualTo(1);
        assertThat(Db.mentions(pool, Channel.MASTODON, third)).isEqualTo(1);
        assertThat(poller().pollOnce()).isZero();
        assertThat(health.of(connector).state()).isEqualTo(ConnectorHealth.State.UP);
    }

    @Test
    void rateLimitsAndOutagesAreWaitedOutWithoutLosingAnything() {
        String status = FakeMastodonServer.nextId();
        fake.mention(status, "81", "jo", "<p>hello</p>", "public");
        fake.failNext("GET", "/api/v1/notifications", 503, Map.of(), "{\"error\":\"down\"}");
        MastodonPoller poller = poller();

        assertThat(poller.pollOnce()).isZero();
        assertThat(health.of(connector).state()).isEqualTo(ConnectorHealth.State.DEGRADED);
        assertThat(cursors.get(connector)).isEmpty();

        fake.failNext("GET", "/api/v1/notifications", 429,
                Map.of("X-RateLimit-Reset", Instant.now().plusSeconds(1).toString()), "{\"error\":\"Too many requests\"}");
        assertThat(poller.pollOnce()).isZero();
        assertThat(poller.pollOnce()).isZero(); // paused: no call

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> poller.pollOnce() == 1);
        assertThat(Db.mentions(pool, Channel.MASTODON, status)).isEqualTo(1);
    }

    @Test
    void repliesGoInTheThreadAddressedToTheCustomerAndTheIdempotencyKeyStopsADoublePost() {
        String inReplyTo = FakeMastodonServer.nextId();
        ReplyRequested reply = new ReplyRequested(UUID.randomUUID(), SwitchboardEvent.now(), UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID(), Channel.MASTODON, "acme_help", Visibility.PUBLIC, inReplyTo,
                inReplyTo, new ReplyRequested.Recipient("77", "jo@fake.social"), "We are on it.", "agent");
        try (TopicWatcher outcomes = new TopicWatcher(bootstrap, Topics.DELIVERY_EVENTS);
                EventPublisher publisher = new EventPublisher(bootstrap)) {
            publisher.publish(reply, CloudEventHeaders.sourceOf(Topics.TICKET_SERVICE));

            List<TopicWatcher.Received> received = outcomes.await(1, Duration.ofSeconds(20),
                    o -> o.key().equals(reply.replyId().toString()));
            assertThat(received).hasSize(1);
            assertThat(received.get(0).event()).isInstanceOf(ReplyDelivered.class);
        }
        assertThat(fake.statuses()).hasSize(1);
        ObjectNode status = fake.statuses().get(0);
        assertThat(status.path("content").asText()).isEqualTo("@jo@fake.social We are on it.");
        assertThat(status.path("in_reply_to_id").asText()).isEqualTo(inReplyTo);
        assertThat(status.path("idempotency_key").asText()).isEqualTo(reply.replyId().toString());

        // An in-doubt reply asked for again: the instance answers with the status it already has.
        assertThat(replies.post(reply).externalId()).isEqualTo(status.path("id").asText());
        assertThat(fake.statuses()).hasSize(1);
    }

    @Test
    void aPrivateReplyIsADirectStatus() {
        ReplyRequested reply = new ReplyRequested(UUID.randomUUID(), SwitchboardEvent.now(), UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID(), Channel.MASTODON, null, Visibility.PRIVATE, "c1", null,
                new ReplyRequested.Recipient("78", "ana"), "Please send your order number.", "agent");

        replies.post(reply);

        assertThat(fake.statuses()).singleElement().satisfies(s -> {
            assertThat(s.path("visibility").asText()).isEqualTo("direct");
            assertThat(s.path("content").asText()).startsWith("@ana ");
        });
    }
}
