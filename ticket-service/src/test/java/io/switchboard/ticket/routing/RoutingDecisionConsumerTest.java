package io.switchboard.ticket.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.events.SwitchboardEvent;
import io.switchboard.events.Topics;
import io.switchboard.events.mention.MentionReceived;
import io.switchboard.events.routing.AssignmentDecided;
import io.switchboard.events.routing.AssignmentReleased;
import io.switchboard.events.routing.TicketQueued;
import io.switchboard.events.ticket.Priority;
import io.switchboard.ticket.testing.Mentions;
import io.switchboard.ticket.testing.TestDb;
import io.switchboard.ticket.testing.TestEvents;
import io.switchboard.ticket.testing.Upstream;
import io.switchboard.ticket.testing.TopicReader;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;

/** routing-service's decisions, published on the real broker, recorded once on the ticket. */
@QuarkusTest
class RoutingDecisionConsumerTest {

    private final TestEvents mentionService = Upstream.mentionService();
    private final TestEvents routingService = Upstream.routingService();

    @Inject
    TestDb db;

    @Inject
    Pool pool;

    @Test
    void anAssignmentIsRecordedAndAuditedOnceHoweverOftenItIsDelivered() {
        UUID ticket = newTicket();
        String agent = "agent-" + UUID.randomUUID();
        AssignmentDecided decided = AssignmentDecided.of(ticket, agent, "q-care", "customer-care",
                AssignmentDecided.Reason.BEST_FIT, null);
        routingService.publish(decided);
        routingService.publish(decided);
        routingService.publish(decided);
        TestDb.eventually(() -> agent.equals(db.ticket(ticket).get("assignee_id")) ? true : null);
        // A later event on the same key (same partition) marks that the redeliveries were consumed.
        TicketQueued marker = TicketQueued.of(ticket, "q-care", "customer-care", Priority.NORMAL, 1,
                TicketQueued.Reason.REQUEUED);
        routingService.publish(marker);
        TestDb.eventually(() -> db.count("select count(*) from processed_event where event_id = $1", marker.eventId()) == 1
                ? true : null);

        assertThat(db.count("select count(*) from audit_entry where ticket_id = $1 and action = 'ASSIGNED'", ticket))
                .isEqualTo(1);
        assertThat(db.count("select count(*) from processed_event where event_id = $1", decided.eventId())).isEqualTo(1);
        Map<String, Object> stored = db.ticket(ticket);
        assertThat(stored.get("team")).isEqualTo("customer-care");
        assertThat(stored.get("queue_id")).isEqualTo("q-care");
        assertThat(db.rows("select actor_kind, actor_id from audit_entry where ticket_id = $1 and action = 'ASSIGNED'",
                ticket).get(0).toJson().getMap()).containsEntry("actor_kind", "SYSTEM").containsEntry("actor_id",
                        Topics.ROUTING_SERVICE);
    }

    /**
     * Another writer holds the ticket's row and changes it while the decision arrives: the decision
     * lands on the changed row, and neither change is lost (the batch waits for the row, or loses the
     * race on the version and is redone whole; a batched UPDATE once skipped such a row silently).
     */
    @Test
    void aDecisionLandsOnATicketAnotherWriterChangesMeanwhile() throws Exception {
        UUID ticket = newTicket();
        long version = (Long) db.ticket(ticket).get("version");
        String agent = "agent-" + UUID.randomUUID();
        CountDownLatch held = new CountDownLatch(1);
        CompletableFuture<Object> otherWriter = pool.withTransaction(connection -> connection
                        .preparedQuery("select id from ticket where id = $1 for update").execute(Tuple.of(ticket))
                        .invoke(held::countDown)
                        .onItem().delayIt().by(Duration.ofSeconds(2))
                        .chain(() -> connection.preparedQuery("update ticket set summary = 'changed meanwhile',"
                                + " version = version + 1 where id = $1").execute(Tuple.of(ticket))))
                .map(done -> (Object) done).subscribeAsCompletionStage();
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
        routingService.publish(AssignmentDecided.of(ticket, agent, "q-care", "customer-care",
                AssignmentDecided.Reason.BEST_FIT, null));
        otherWriter.get(30, TimeUnit.SECONDS);

        TestDb.eventually(() -> agent.equals(db.ticket(ticket).get("assignee_id")) ? true : null);
        Map<String, Object> stored = db.ticket(ticket);
        assertThat(stored.get("summary")).isEqualTo("changed meanwhile");
        assertThat(stored.get("version")).isEqualTo(version + 2);
        assertThat(db.count("select count(*) from audit_entry where ticket_id = $1 and action = 'ASSIGNED'", ticket))
                .isEqualTo(1);
    }

    @Test
    void aTransferReleasesTheFirstAgentAndAssignsTheNext() {
        UUID ticket = newTicket();
        String first = "agent-" + UUID.randomUUID();
        String second = "agent-" + UUID.randomUUID();
        routingService.publish(AssignmentDecided.of(ticket, first, "q-tech", "tech-support",
                AssignmentDecided.Reason.BEST_FIT, null));
        routingService.publish(AssignmentReleased.of(ticket, first, AssignmentReleased.Reason.TRANSFERRED));
        AssignmentDecided transfer = AssignmentDecided.of(ticket, second, "q-tech", "tech-support",
                AssignmentDecided.Reason.TRANSFER, first);
        routingService.publish(transfer);
        TestDb.eventually(() -> second.equals(db.ticket(ticket).get("assignee_id")) ? true : null);
        assertThat(db.ticket(ticket).get("team")).isEqualTo("tech-support");
        assertThat(db.rows("select action from audit_entry where ticket_id = $1 and actor_id = $2 order by seq", ticket,
                Topics.ROUTING_SERVICE)).extracting(row -> row.getString(0))
                .containsExactly("ASSIGNED", "UNASSIGNED", "ASSIGNED");

        // A release by someone who no longer holds the ticket does not take it from the holder.
        AssignmentReleased stale = AssignmentReleased.of(ticket, first, AssignmentReleased.Reason.AGENT_UNAVAILABLE);
        routingService.publish(stale);
        TestDb.eventually(() -> db.count("select count(*) from processed_event where event_id = $1", stale.eventId()) == 1
                ? true : null);
        assertThat(db.ticket(ticket).get("assignee_id")).isEqualTo(second);
    }

    @Test
    void aDecisionAboutAnUnknownTicketOrAMalformedOneIsDeadLettered() {
        UUID unknown = UUID.randomUUID();
        try (TopicReader deadLetters = new TopicReader(Topics.deadLetterTopic(Topics.ROUTING_DECISIONS, Topics.TICKET_SERVICE))) {
            routingService.publish(AssignmentDecided.of(unknown, "agent-x", "q", "customer-care",
                    AssignmentDecided.Reason.MANUAL, null));
            routingService.publishRaw(Topics.ROUTING_DECISIONS, unknown.toString(), "[]".getBytes(), Map.of(
                    "ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(),
                    "ce_type", "switchboard.routing.assignment.decided.v1", "ce_source", "/switchboard/routing-service"));
            ConsumerRecord<String, byte[]> refused = deadLetters.await(r -> unknown.toString().equals(r.key())
                    && TopicReader.header(r, "dead-letter-reason").contains("unknown ticket"));
            assertThat(TopicReader.header(refused, "dead-letter-reason")).contains(unknown.toString());
            ConsumerRecord<String, byte[]> malformed = deadLetters.await(r -> unknown.toString().equals(r.key())
                    && new String(r.value()).equals("[]"));
            assertThat(TopicReader.header(malformed, "dead-letter-reason")).startsWith("Cannot decode");
        }
        // The partition goes on: a good decision after the poison ones is recorded.
        UUID ticket = newTicket();
        routingService.publish(AssignmentDecided.of(ticket, "agent-y", "q", "customer-care",
                AssignmentDecided.Reason.BEST_FIT, null));
        TestDb.eventually(() -> "agent-y".equals(db.ticket(ticket).get("assignee_id")) ? true : null);
    }

    @Test
    void aBatchWithAPoisonDecisionIsRedoneOneByOneInOrderAndOnlyThePoisonIsDeadLettered() {
        List<MentionReceived> mentions = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            mentions.add(Mentions.rootPost(Mentions.unique("burst"), "Still waiting for my parcel", Instant.now()));
        }
        mentionService.publishBurst(mentions);
        List<UUID> tickets = db.awaitThreaded(mentions.stream().map(MentionReceived::mentionId).toList());
        UUID unknown = UUID.randomUUID();
        List<SwitchboardEvent> decisions = new ArrayList<>();
        for (UUID ticket : tickets) {
            decisions.add(TicketQueued.of(ticket, "q-care", "customer-care", Priority.NORMAL, 1,
                    TicketQueued.Reason.NO_AGENT_ONLINE));
            decisions.add(AssignmentDecided.of(ticket, "agent-first", "q-care", "customer-care",
                    AssignmentDecided.Reason.BEST_FIT, null));
            decisions.add(AssignmentReleased.of(ticket, "agent-first", AssignmentReleased.Reason.TRANSFERRED));
            decisions.add(AssignmentDecided.of(ticket, "agent-next", "q-care", "customer-care",
                    AssignmentDecided.Reason.TRANSFER, "agent-first"));
            if (decisions.size() == 20) {
                decisions.add(AssignmentDecided.of(unknown, "agent-x", "q", "customer-care",
                        AssignmentDecided.Reason.MANUAL, null));
            }
        }
        try (TopicReader deadLetters = new TopicReader(Topics.deadLetterTopic(Topics.ROUTING_DECISIONS, Topics.TICKET_SERVICE))) {
            // At once, so the consumer polls them as batches that hold the poison decision.
            routingService.publishBurst(decisions);
            ConsumerRecord<String, byte[]> refused = deadLetters.await(r -> unknown.toString().equals(r.key()));
            assertThat(TopicReader.header(refused, "dead-letter-reason"))
                    .isEqualTo("routing decision for unknown ticket " + unknown);
        }
        for (UUID ticket : tickets) {
            TestDb.eventually(() -> "agent-next".equals(db.ticket(ticket).get("assignee_id")) ? true : null);
            // Each decision once, in the order routing made them, though the batch was rolled back and redone.
            assertThat(db.rows("select action from audit_entry where ticket_id = $1 and actor_id = $2 order by seq",
                    ticket, Topics.ROUTING_SERVICE)).extracting(row -> row.getString(0))
                    .containsExactly("QUEUED", "ASSIGNED", "UNASSIGNED", "ASSIGNED");
        }
        assertThat(db.count("select count(*) from processed_event where event_id = any($1)",
                (Object) decisions.stream().map(SwitchboardEvent::eventId).toArray(UUID[]::new)))
                .isEqualTo(decisions.size() - 1);
    }

    private UUID newTicket() {
        MentionReceived mention = Mentions.rootPost(Mentions.unique("routed"), "My card was charged twice", Instant.now());
        mentionService.publish(mention);
        return db.awaitThreaded(mention.mentionId());
    }
}
