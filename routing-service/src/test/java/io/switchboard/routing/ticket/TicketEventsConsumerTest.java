package io.switchboard.routing.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.events.Actor;
import io.switchboard.events.Channel;
import io.switchboard.events.CloudEventHeaders;
import io.switchboard.events.SwitchboardEvent;
import io.switchboard.events.Topics;
import io.switchboard.events.Visibility;
import io.switchboard.events.agent.AgentPresenceChanged;
import io.switchboard.events.agent.Presence;
import io.switchboard.events.mention.Intent;
import io.switchboard.events.routing.AssignmentDecided;
import io.switchboard.events.routing.AssignmentReleased;
import io.switchboard.events.ticket.Customer;
import io.switchboard.events.ticket.Priority;
import io.switchboard.events.ticket.ReplyRequested;
import io.switchboard.events.ticket.SlaBreached;
import io.switchboard.events.ticket.SlaClock;
import io.switchboard.events.ticket.TicketOpened;
import io.switchboard.events.ticket.TicketStatus;
import io.switchboard.events.ticket.TicketStatusChanged;
import io.switchboard.routing.Routing;
import io.switchboard.routing.queue.Queue;
import io.switchboard.routing.testing.ConsumersReady;
import io.switchboard.routing.testing.KafkaTestClient;
import io.switchboard.routing.testing.Scenario;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;

/**
 * The whole path on the real broker: ticket-events in, the decision through the outbox relay out on
 * routing-decisions (keyed by ticket, with CloudEvents headers); skipped types, dead letters and
 * redeliveries.
 */
@QuarkusTest
class TicketEventsConsumerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TICKET_SERVICE = CloudEventHeaders.sourceOf(Topics.TICKET_SERVICE);
    private static final String GATEWAY = CloudEventHeaders.sourceOf(Topics.AGENT_GATEWAY);

    @Inject
    Routing routing;

    @Inject
    Pool pool;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    KafkaTestClient kafka;
    KafkaTestClient.Reader decisions;
    String ns;
    String agentId;

    @BeforeEach
    void setUp() {
        kafka = new KafkaTestClient(bootstrap);
        ConsumersReady.await(kafka, pool);
        decisions = kafka.readFromNow(Topics.ROUTING_DECISIONS);
        ns = "k" + UUID.randomUUID().toString().substring(0, 8);
        Scenario.await(routing.queues().upsert(pool, new Queue(ns + "-q", "Kafka test", ns + "-team", Set.of(), true, null, null)));
        agentId = ns + "-agent";
    }

    @AfterEach
    void tearDown() {
        kafka.publish(AgentPresenceChanged.of(agentId, agentId, List.of(), Presence.OFFLINE, null,
                AgentPresenceChanged.Cause.SIGN_OUT), GATEWAY);
        decisions.close();
        kafka.close();
    }

    private TicketOpened opened() {
        UUID ticketId = UUID.randomUUID();
        return new TicketOpened(UUID.randomUUID(), SwitchboardEvent.now(), ticketId, "SW-1", Channel.X, null, "c-" + ticketId,
                Visibility.PUBLIC, UUID.randomUUID(), new Customer(UUID.randomUUID(), "@c", "C", 10), "en", Intent.QUESTION,
                null, Priority.NORMAL, List.of(), ns + "-team", null, null);
    }

    /** Signs the agent in over agent-events and waits until routing has it online (the topics are not ordered). */
    private void agentOnline() {
        kafka.publish(AgentPresenceChanged.of(agentId, agentId, List.of(ns + "-team"), Presence.ONLINE, null,
                AgentPresenceChanged.Cause.SIGN_IN), GATEWAY);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            var agent = Scenario.await(routing.transactions().read(c -> routing.agents().find(c, agentId)));
            if (agent.isPresent() && agent.get().presence() == Presence.ONLINE) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the agent did not come online");
    }

    @Test
    void aTicketOpenedOnKafkaIsAssignedAndTheDecisionPublishedKeyedByTicket() {
        agentOnline();
        TicketOpened opened = opened();
        kafka.publish(opened, TICKET_SERVICE);

        List<ConsumerRecord<String, byte[]>> records = decisions.await(r -> opened.ticketId().toString().equals(r.key()), 1, WAIT);
        assertThat(records).hasSize(1);
        ConsumerRecord<String, byte[]> record = records.get(0);
        assertThat(KafkaTestClient.header(record, CloudEventHeaders.TYPE)).isEqualTo("switchboard.routing.assignment.decided.v1");
        assertThat(KafkaTestClient.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/switchboard/routing-service");
        AssignmentDecided decided = (AssignmentDecided) decisions.events(opened.ticketId().toString(), 1, WAIT).get(0);
        assertThat(decided.agentId()).isEqualTo(agentId);
        assertThat(decided.queueId()).isEqualTo(ns + "-q");
        assertThat(KafkaTestClient.header(record, CloudEventHeaders.ID)).isEqualTo(decided.eventId().toString());

        kafka.publish(TicketStatusChanged.of(opened.ticketId(), TicketStatus.OPEN, TicketStatus.RESOLVED, Actor.agent(agentId)),
                TICKET_SERVICE);
        List<SwitchboardEvent> both = decisions.events(opened.ticketId().toString(), 2, WAIT);
        assertThat(both).hasSize(2);
        assertThat(both.get(1)).isInstanceOfSatisfying(AssignmentReleased.class,
                released -> assertThat(released.reason()).isEqualTo(AssignmentReleased.Reason.RESOLVED));
    }

    @Test
    void aRedeliveredMessageDecidesNothingTwice() {
        agentOnline();
        TicketOpened opened = opened();
        kafka.publish(opened, TICKET_SERVICE);
        kafka.publish(opened, TICKET_SERVICE);
        TicketOpened marker = opened();
        kafka.publish(marker, TICKET_SERVICE);
        decisions.events(marker.ticketId().toString(), 1, WAIT);
        assertThat(decisions.events(opened.ticketId().toString(), 1, Duration.ofSeconds(2))).hasSize(1);
    }

    @Test
    void typesRoutingDoesNotHandleAreSkippedAndBadMessagesDeadLettered() {
        try (KafkaTestClient.Reader deadLetters = kafka.readFromNow(Topics.deadLetterTopic(Topics.TICKET_EVENTS,
                Topics.ROUTING_SERVICE))) {
            String garbageKey = ns + "-garbage";
            kafka.send(Topics.TICKET_EVENTS, garbageKey, Map.of(CloudEventHeaders.SPECVERSION, "1.0",
                    CloudEventHeaders.ID, UUID.randomUUID().toString(), CloudEventHeaders.TYPE, "switchboard.ticket.opened.v1",
                    CloudEventHeaders.SOURCE, TICKET_SERVICE), "{\"not\": \"a ticket\"".getBytes(StandardCharsets.UTF_8));
            ReplyRequested notOurs = new ReplyRequested(UUID.randomUUID(), SwitchboardEvent.now(), UUID.randomUUID(),
                    UUID.randomUUID(), UUID.randomUUID(), Channel.X, null, Visibility.PRIVATE, "c", null,
                    new ReplyRequested.Recipient("123", "someone"), "text", "agent");
            kafka.publish(notOurs, TICKET_SERVICE);

            agentOnline();
            TicketOpened after = opened();
            kafka.publish(after, TICKET_SERVICE);
            assertThat(decisions.events(after.ticketId().toString(), 1, WAIT)).as("the partition is not stuck").hasSize(1);

            List<ConsumerRecord<String, byte[]>> dead = deadLetters.await(r -> garbageKey.equals(r.key())
                    || notOurs.partitionKey().equals(r.key()), 1, WAIT);
            assertThat(dead).extracting(ConsumerRecord::key).containsExactly(garbageKey);
            assertThat(deadLetters.await(r -> notOurs.partitionKey().equals(r.key()), 1, Duration.ofSeconds(2)))
                    .as("a type routing does not handle is skipped, not dead-lettered").isEmpty();
        }
    }

    /**
     * Events come a poll at a time into one transaction; one that fails on its own (here text
     * PostgreSQL refuses to store, an error no retry cures) must not take the others with it: they
     * are decided, it alone is dead-lettered.
     */
    @Test
    void anEventThatFailsInABatchIsDeadLetteredAloneAndTheOthersAreDecided() {
        try (KafkaTestClient.Reader deadLetters = kafka.readFromNow(Topics.deadLetterTopic(Topics.TICKET_EVENTS,
                Topics.ROUTING_SERVICE))) {
            agentOnline();
            List<TicketOpened> good = new ArrayList<>();
            TicketOpened template = opened();
            TicketOpened poisoned = new TicketOpened(UUID.randomUUID(), SwitchboardEvent.now(), UUID.randomUUID(), "SW-\u0000",
                    template.channel(), null, "c-poison", template.visibility(), UUID.randomUUID(), template.customer(), "en",
                    template.intent(), null, Priority.NORMAL, List.of(), ns + "-team", null, null);
            List<SwitchboardEvent> burst = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                if (i == 3) {
                    burst.add(poisoned);
                }
                TicketOpened opened = opened();
                good.add(opened);
                burst.add(opened);
            }
            String key = ns + "-burst";
            kafka.publishTogether(key, burst, TICKET_SERVICE);
            for (TicketOpened opened : good) {
                assertThat(decisions.events(opened.ticketId().toString(), 1, WAIT)).as("decided: %s", opened.ticketId())
                        .isNotEmpty();
            }
            List<ConsumerRecord<String, byte[]>> dead = deadLetters.await(r -> key.equals(r.key()), 1, WAIT);
            assertThat(dead).hasSize(1);
            assertThat(KafkaTestClient.header(dead.get(0), CloudEventHeaders.ID)).isEqualTo(poisoned.eventId().toString());
            assertThat(deadLetters.await(r -> key.equals(r.key()), 2, Duration.ofSeconds(2))).as("only the poisoned one").hasSize(1);
            assertThat(decisions.events(poisoned.ticketId().toString(), 1, Duration.ofSeconds(2))).isEmpty();
        }
    }

    @Test
    void anSlaBreachOnKafkaEscalatesToTheSupervisorsQueue() {
        agentOnline();
        TicketOpened opened = opened();
        kafka.publish(opened, TICKET_SERVICE);
        decisions.events(opened.ticketId().toString(), 1, WAIT);
        kafka.publish(SlaBreached.of(opened.ticketId(), SlaClock.FIRST_RESPONSE, SwitchboardEvent.now(), agentId), TICKET_SERVICE);
        List<SwitchboardEvent> events = decisions.events(opened.ticketId().toString(), 3, WAIT);
        assertThat(events.get(1)).isInstanceOfSatisfying(AssignmentReleased.class,
                released -> assertThat(released.reason()).isEqualTo(AssignmentReleased.Reason.ESCALATED));
        assertThat(Scenario.await(routing.transactions().read(c -> routing.tickets().find(c, opened.ticketId())))
                .orElseThrow().queueId()).isEqualTo(routing.settings().escalationQueueId());
    }
}
