package io.switchboard.mention.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.events.Actor;
import io.switchboard.events.Channel;
import io.switchboard.events.CloudEventHeaders;
import io.switchboard.events.SwitchboardEvent;
import io.switchboard.events.Topics;
import io.switchboard.events.Visibility;
import io.switchboard.events.delivery.ReplyDelivered;
import io.switchboard.events.delivery.ReplyFailed;
import io.switchboard.events.ticket.ReplyRequested;
import io.switchboard.events.ticket.TicketStatus;
import io.switchboard.events.ticket.TicketStatusChanged;
import io.switchboard.fakes.FakeXServer;
import io.switchboard.mention.channel.x.XReplyConnector;
import io.switchboard.mention.fake.FakeXResource.InjectFakeX;
import io.switchboard.mention.infra.MentionMetrics;
import io.switchboard.mention.testing.EventPublisher;
import io.switchboard.mention.testing.TopicWatcher;
import jakarta.inject.Inject;

/** Replies from ticket-events to the fake X and outcomes to delivery-events, across a crash. */
@QuarkusTest
class ReplyDeliveryTest {

    private static final String TICKET_SERVICE = CloudEventHeaders.sourceOf(Topics.TICKET_SERVICE);
    private static final Duration WAIT = Duration.ofSeconds(25);

    @InjectFakeX
    FakeXServer fake;

    @Inject
    DeliveryRepository repository;

    @Inject
    DeliveryWorker worker;

    @Inject
    DeliveryPolicy policy;

    @Inject
    MentionMetrics metrics;

    @Inject
    XReplyConnector x;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    TopicWatcher outcomes;
    EventPublisher publisher;

    @BeforeEach
    void open() {
        fake.reset();
        worker.resume();
        outcomes = new TopicWatcher(bootstrap, Topics.DELIVERY_EVENTS);
        publisher = new EventPublisher(bootstrap);
    }

    @AfterEach
    void close() {
        worker.resume();
        outcomes.close();
        publisher.close();
    }

    static ReplyRequested publicReply(String text) {
        String inReplyTo = FakeXServer.nextId();
        return new ReplyRequested(UUID.randomUUID(), SwitchboardEvent.now(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), Channel.X, "acme_help", Visibility.PUBLIC, inReplyTo, inReplyTo,
                new ReplyRequested.Recipient(FakeXServer.nextId(), "jo"), text, "agent-subject");
    }

    static ReplyRequested privateReply(String text) {
        String conversation = FakeXServer.nextId();
        return new ReplyRequested(UUID.randomUUID(), SwitchboardEvent.now(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), Channel.X, "acme_help", Visibility.PRIVATE, conversation, null,
                new ReplyRequested.Recipient(FakeXServer.nextId(), "jo"), text, "agent-subject");
    }

    private List<ObjectNode> postsAnswering(ReplyRequested r) {
        return fake.posts().stream().filter(p -> p.path("referenced_tweets").path(0).path("id").asText()
                .equals(r.inReplyToExternalId())).toList();
    }

    private List<TopicWatcher.Received> outcomesOf(ReplyRequested r, int count) {
        return outcomes.await(count, WAIT, o -> o.key().equals(r.replyId().toString()));
    }

    @Test
    void aPublicReplyIsPostedInTheThreadOnceEvenWhenTheRequestIsRedelivered() {
        ReplyRequested reply = publicReply("Sorry about that! A replacement is on its way.");

        publisher.publish(reply, TICKET_SERVICE);
        publisher.publish(reply, TICKET_SERVICE); // Kafka redelivers; ticket-service retries

        List<TopicWatcher.Received> received = outcomesOf(reply, 1);
        assertThat(received).hasSize(1);
        ReplyDelivered delivered = (ReplyDelivered) received.get(0).event();
        assertThat(postsAnswering(reply)).hasSize(1);
        assertThat(delivered.externalPostId()).isEqualTo(postsAnswering(reply).get(0).path("id").asText());
        assertThat(delivered.ticketId()).isEqualTo(reply.ticketId());
        assertThat(delivered.attempts()).isEqualTo(1);
        assertThat(outcomes.poll(Duration.ofSeconds(2), o -> o.key().equals(reply.replyId().toString()))).hasSize(1);
        assertThat(postsAnswering(reply)).hasSize(1);
        assertThat(io.restassured.RestAssured.given().when().get("/q/metrics").then().extract().asString())
                .contains("switchboard_deliveries_total{channel=\"x\",outcome=\"delivered\"}");
    }

    @Test
    void aPrivateReplyIsADirectMessage() {
        ReplyRequested reply = privateReply("Please send us your order number here.");

        publisher.publish(reply, TICKET_SERVICE);

        ReplyDelivered delivered = (ReplyDelivered) outcomesOf(reply, 1).get(0).event();
        assertThat(fake.directMessages()).filteredOn(dm -> dm.path("participant").asText()
                .equals(reply.recipient().platformId())).hasSize(1);
        assertThat(delivered.externalPostId()).startsWith("dm:");
    }

    @Test
    void aReplyTheChannelCannotTakeFailsWithAReasonAnAgentCanActOn() {
        ReplyRequested reply = publicReply("x".repeat(281));

        publisher.publish(reply, TICKET_SERVICE);

        ReplyFailed failed = (ReplyFailed) outcomesOf(reply, 1).get(0).event();
        assertThat(failed.code()).isEqualTo(ReplyFailed.Code.CONTENT_REJECTED);
        assertThat(failed.reason()).contains("longer than 280 characters");
        assertThat(failed.retryable()).isFalse();
        assertThat(postsAnswering(reply)).isEmpty();
    }

    @Test
    void aRateLimitIsWaitedOutAndTheReplyPostedOnce() {
        fake.failNext("POST", "/2/tweets", 429, FakeXServer.resetIn(1),
                "{\"title\":\"Too Many Requests\",\"type\":\"about:blank\",\"status\":429}");
        ReplyRequested reply = publicReply("Thanks for waiting.");

        publisher.publish(reply, TICKET_SERVICE);

        ReplyDelivered delivered = (ReplyDelivered) outcomesOf(reply, 1).get(0).event();
        assertThat(delivered.attempts()).isEqualTo(2);
        assertThat(postsAnswering(reply)).hasSize(1);
    }

    @Test
    void aCrashAfterThePlatformCallIsRecoveredWithoutPostingTwice() {
        ReplyRequested reply = publicReply("We have refunded your order.");
        worker.pause();
        repository.register(reply, Instant.now()).await().atMost(Duration.ofSeconds(5));

        // The process that dies: it posts, then vanishes before recording anything.
        DeliveryProcessor dying = new DeliveryProcessor(repository, new ReplyConnectors(List.of(crashing(true))),
                policy, metrics, Clock.systemUTC());
        assertThat(runUntilCrash(dying)).isTrue();
        assertThat(postsAnswering(reply)).hasSize(1);
        assertThat(repository.state(reply.replyId())).hasValue(Delivery.State.POSTING);

        worker.resume(); // the restarted service: it finds the in-doubt delivery when its lease expires

        ReplyDelivered delivered = (ReplyDelivered) outcomesOf(reply, 1).get(0).event();
        assertThat(delivered.externalPostId()).isEqualTo(postsAnswering(reply).get(0).path("id").asText());
        assertThat(repository.state(reply.replyId())).hasValue(Delivery.State.DELIVERED);
        // Other services' tests share the broker: count only the calls for this reply.
        assertThat(fake.requests("POST", "/2/tweets")).filteredOn(r -> r.body().contains(reply.inReplyToExternalId()))
                .hasSize(1);
        assertThat(postsAnswering(reply)).hasSize(1);
    }

    @Test
    void aCrashBeforeThePlatformCallIsRecoveredByPostingOnce() {
        ReplyRequested reply = publicReply("Your account is unlocked.");
        worker.pause();
        repository.register(reply, Instant.now()).await().atMost(Duration.ofSeconds(5));

        DeliveryProcessor dying = new DeliveryProcessor(repository, new ReplyConnectors(List.of(crashing(false))),
                policy, metrics, Clock.systemUTC());
        assertThat(runUntilCrash(dying)).isTrue();
        assertThat(postsAnswering(reply)).isEmpty();

        worker.resume();

        await().atMost(WAIT).until(() -> repository.state(reply.replyId()).orElseThrow() == Delivery.State.DELIVERED);
        assertThat(outcomesOf(reply, 1)).hasSize(1);
        assertThat(postsAnswering(reply)).hasSize(1);
    }

    @Test
    void otherEventTypesAreSkippedAndAnUnreadableRequestOrHeaderlessRecordIsDeadLettered() {
        try (TopicWatcher dlq = new TopicWatcher(bootstrap, Topics.deadLetterTopic(Topics.TICKET_EVENTS,
                Topics.MENTION_SERVICE))) {
            TicketStatusChanged other = TicketStatusChanged.of(UUID.randomUUID(), TicketStatus.OPEN,
                    TicketStatus.RESOLVED, Actor.agent("someone"));
            publisher.publish(other, TICKET_SERVICE);
            UUID poisonId = UUID.randomUUID();
            publisher.send(Topics.TICKET_EVENTS, "poison", new CloudEventHeaders(poisonId,
                    io.switchboard.mention.infra.TicketEventsConsumer.REPLY_REQUESTED, TICKET_SERVICE, Instant.now(), "poison"),
                    "{\"replyId\": 42".getBytes(StandardCharsets.UTF_8));
            // no ce_type says what it is: malformed, so dead-lettered too (it used to be dropped unseen)
            publisher.sendWithoutHeaders(Topics.TICKET_EVENTS, "headerless", "{}".getBytes(StandardCharsets.UTF_8));
            ReplyRequested afterwards = publicReply("Still flowing after the poison message.");
            publisher.publish(afterwards, TICKET_SERVICE);

            assertThat(outcomesOf(afterwards, 1)).hasSize(1); // the partition is not blocked
            List<String> deadLettered = dlq.rawKeys(Duration.ofSeconds(5));
            assertThat(deadLettered).contains("poison", "headerless");
            assertThat(deadLettered).doesNotContain(other.partitionKey());
        }
    }

    private static boolean runUntilCrash(DeliveryProcessor processor) {
        try {
            processor.runOnce();
            return false;
        } catch (SimulatedCrash crash) {
            return true;
        }
    }

    /** The JVM dying, as far as the delivery is concerned: nothing after this point runs. */
    static final class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("simulated crash", null, false, false);
        }
    }

    private ReplyConnector crashing(boolean afterTheCall) {
        return new ReplyConnector() {
            @Override
            public Channel channel() {
                return Channel.X;
            }

            @Override
            public Posted post(ReplyRequested reply) {
                if (afterTheCall) {
                    x.post(reply);
                }
                throw new SimulatedCrash();
            }

            @Override
            public Optional<Posted> findPosted(ReplyRequested reply) {
                return x.findPosted(reply);
            }
        };
    }
}
