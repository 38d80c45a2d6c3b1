package io.switchboard.gateway.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.switchboard.events.CloudEventHeaders;
import io.switchboard.events.Topics;
import io.switchboard.events.routing.AssignmentDecided;
import io.switchboard.events.routing.TicketQueued;
import io.switchboard.events.ticket.MessageAdded;
import io.switchboard.events.ticket.MessageDeliveryChanged;
import io.switchboard.events.ticket.Priority;
import io.switchboard.events.ticket.SlaClock;
import io.switchboard.events.ticket.SlaWarning;
import io.switchboard.gateway.testing.DemoAgents;
import io.switchboard.gateway.testing.FakeDownstreamResource;
import io.switchboard.gateway.testing.FakeTicket;
import io.switchboard.gateway.testing.Kafka;
import io.switchboard.gateway.testing.LiveClient;
import io.switchboard.gateway.testing.LivePipeline;

/** Pushes over the live connection, from events published to the real Kafka. */
@QuarkusTest
class LivePushTest {

    private static final Duration PUSH = Duration.ofSeconds(20);

    private URI gateway;
    private LiveClient ava;
    private LiveClient mateo;
    private LiveClient sam;

    @BeforeEach
    void connect() {
        gateway = URI.create("http://localhost:" + RestAssured.port);
        ava = LiveClient.connect(gateway, DemoAgents.token("ava"));
        mateo = LiveClient.connect(gateway, DemoAgents.token("mateo"));
        sam = LiveClient.connect(gateway, DemoAgents.token("sam"));
        LivePipeline.awaitLive(ava, DemoAgents.subject("ava"));
    }

    @AfterEach
    void disconnect() {
        ava.close();
        mateo.close();
        sam.close();
    }

    @Test
    void theConnectionSaysHelloToWhoIsSignedIn() {
        JsonNode hello = ava.await(m -> m.path("type").asText().equals("hello"), PUSH);
        assertThat(hello.path("data").path("subject").asText()).isEqualTo(DemoAgents.subject("ava"));
    }

    @Test
    void anAgentIsPushedTheirAssignmentAndEverythingOnThatTicket() {
        String avaId = DemoAgents.subject("ava");
        UUID ticket = UUID.randomUUID();
        Kafka.publish(AssignmentDecided.of(ticket, avaId, "customer-care", "customer-care", AssignmentDecided.Reason.BEST_FIT, null),
                LivePipeline.ROUTING);
        ava.await(LiveClient.ofType("assignment", ticket), PUSH);
        sam.await(LiveClient.ofType("assignment", ticket), PUSH); // sam supervises customer-care

        MessageAdded customer = MessageAdded.customer(ticket, UUID.randomUUID(), new MessageAdded.Author("c1", "Casey"),
                "Still waiting for my parcel", io.switchboard.events.Visibility.PUBLIC, UUID.randomUUID(), "1790");
        Kafka.publish(customer, LivePipeline.TICKETS);
        JsonNode message = ava.await(LiveClient.ofType("message", ticket), PUSH);
        assertThat(message.path("eventId").asText()).isEqualTo(customer.eventId().toString());
        assertThat(message.path("data").path("text").asText()).isEqualTo("Still waiting for my parcel");

        UUID reply = UUID.randomUUID();
        Kafka.publish(MessageDeliveryChanged.delivered(ticket, UUID.randomUUID(), reply, "1791"), LivePipeline.TICKETS);
        JsonNode delivery = ava.await(LiveClient.ofType("delivery", ticket), PUSH);
        assertThat(delivery.path("data").path("state").asText()).isEqualTo("DELIVERED");

        Kafka.publish(SlaWarning.of(ticket, SlaClock.NEXT_RESPONSE, Instant.now().plusSeconds(300), avaId), LivePipeline.TICKETS);
        ava.await(LiveClient.ofType("sla-warning", ticket), PUSH);
        sam.await(LiveClient.ofType("sla-warning", ticket), PUSH);

        // Texts of customer-care tickets go to the holder only: not to another agent, not to supervisors.
        assertThat(mateo.received(m -> m.path("ticketId").asText().equals(ticket.toString()))).isFalse();
        assertThat(sam.received(LiveClient.ofType("message", ticket))).isFalse();
    }

    @Test
    void ticketsTheAgentHeldBeforeConnectingAreKnownFromTicketService() {
        // Assigned before this connection (no AssignmentDecided seen): learnt from ticket-service on connect.
        FakeTicket held = FakeDownstreamResource.fake().ticket().assignee(DemoAgents.subject("mateo")).team("tech-support").save();
        try (LiveClient fresh = LiveClient.connect(gateway, DemoAgents.token("mateo"))) {
            fresh.await(m -> m.path("type").asText().equals("hello"), PUSH);
            long deadline = System.nanoTime() + PUSH.toNanos();
            // The connect-time lookup is asynchronous; publish until it has landed.
            while (!fresh.received(LiveClient.ofType("message", held.id())) && System.nanoTime() < deadline) {
                Kafka.publish(MessageAdded.customer(held.id(), UUID.randomUUID(), new MessageAdded.Author("c2", "Dana"),
                        "App crashes", io.switchboard.events.Visibility.PUBLIC, UUID.randomUUID(), "x1"), LivePipeline.TICKETS);
                sleep(500);
            }
            fresh.await(LiveClient.ofType("message", held.id()), Duration.ofSeconds(1));
        }
    }

    @Test
    void supervisorsGetTheirTeamsQueueChanges() {
        UUID ticket = UUID.randomUUID();
        Kafka.publish(TicketQueued.of(ticket, "customer-care", "customer-care", Priority.HIGH, 3,
                TicketQueued.Reason.ALL_AGENTS_AT_CAPACITY), LivePipeline.ROUTING);
        JsonNode queued = sam.await(LiveClient.ofType("queued", ticket), PUSH);
        assertThat(queued.path("data").path("position").asInt()).isEqualTo(3);
        assertThat(ava.received(LiveClient.ofType("queued", ticket))).isFalse();
    }

    @Test
    void aPoisonMessageIsDeadLetteredAndPushesGoOn() {
        String ceType = io.switchboard.events.EventTypes.of(MessageAdded.class).ceType();
        UUID poisonId = UUID.randomUUID();
        try (Kafka.Reader dlq = new Kafka.Reader(Topics.deadLetterTopic(Topics.TICKET_EVENTS, Topics.AGENT_GATEWAY))) {
            Kafka.publishRaw(Topics.TICKET_EVENTS, poisonId.toString(), Map.of(
                    CloudEventHeaders.SPECVERSION, "1.0", CloudEventHeaders.ID, poisonId.toString(),
                    CloudEventHeaders.TYPE, ceType, CloudEventHeaders.SOURCE, LivePipeline.TICKETS,
                    CloudEventHeaders.TIME, Instant.now().toString(), CloudEventHeaders.SUBJECT, poisonId.toString()),
                    "{not json".getBytes(StandardCharsets.UTF_8));
            dlq.await(r -> poisonId.toString().equals(r.key()), Duration.ofSeconds(30));
            // no ce_type says what it is: malformed, so dead-lettered too (it used to be dropped unseen)
            String headerless = "headerless-" + poisonId;
            Kafka.publishRaw(Topics.TICKET_EVENTS, headerless, Map.of(), "{}".getBytes(StandardCharsets.UTF_8));
            dlq.await(r -> headerless.equals(r.key()), Duration.ofSeconds(30));
        }
        // The partition is not stuck: the next event still arrives.
        UUID ticket = UUID.randomUUID();
        Kafka.publish(AssignmentDecided.of(ticket, DemoAgents.subject("ava"), "customer-care", "customer-care",
                AssignmentDecided.Reason.BEST_FIT, null), LivePipeline.ROUTING);
        // Messages go to the ticket's holder, and the two topics are read independently: wait until
        // the gateway knows ava holds the ticket before the message that must reach her.
        ava.await(LiveClient.ofType("assignment", ticket), PUSH);
        Kafka.publish(MessageAdded.internalNote(ticket, UUID.randomUUID(), new MessageAdded.Author("a", "A"), "after"),
                LivePipeline.TICKETS);
        ava.await(LiveClient.ofType("message", ticket), PUSH);
    }

    @Test
    void noTokenOrAForeignOriginIsRefused() {
        assertThatThrownBy(() -> LiveClient.connect(gateway, null)).isInstanceOf(LiveClient.LiveRefused.class)
                .hasStackTraceContaining("401");
        assertThatThrownBy(() -> LiveClient.connect(gateway, DemoAgents.token("ava"), "https://evil.example"))
                .isInstanceOf(LiveClient.LiveRefused.class).hasStackTraceContaining("403");
        try (LiveClient sameOrigin = LiveClient.connect(gateway, DemoAgents.token("ava"), gateway.toString().replaceAll("/$", ""))) {
            sameOrigin.await(m -> m.path("type").asText().equals("hello"), PUSH);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
