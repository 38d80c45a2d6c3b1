package io.switchboard.ticket.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.Actor;
import io.switchboard.events.SwitchboardEvent;
import io.switchboard.events.Topics;
import io.switchboard.events.ticket.TicketStatus;
import io.switchboard.events.ticket.TicketStatusChanged;
import io.switchboard.events.ticket.TicketTagsChanged;
import io.switchboard.ticket.infra.messaging.TicketEventPublisher;
import io.switchboard.ticket.infra.persistence.Changes;
import io.switchboard.ticket.testing.OnVertx;
import io.switchboard.ticket.testing.TestDb;
import io.switchboard.ticket.testing.TopicReader;
import jakarta.inject.Inject;

/**
 * The outbox relay against the real database and broker: what was committed is published even
 * after failures, in order per ticket, and one relay at a time publishes a row.
 */
@QuarkusTest
class OutboxRelayTest {

    @Inject
    OutboxRelay relay;

    @Inject
    TicketEventPublisher publisher;

    @Inject
    TestDb db;

    @Inject
    OnVertx vertx;

    @BeforeEach
    void stopTheRelay() {
        relay.pause();
    }

    @AfterEach
    void restartTheRelay() {
        relay.resume();
    }

    @Test
    void eventsCommittedWhileThePublisherFailsArePublishedInOrderOnceItRecovers() {
        UUID ticket = UUID.randomUUID();
        List<SwitchboardEvent> written = lifeOf(ticket);
        try (TopicReader topic = new TopicReader(Topics.TICKET_EVENTS)) {
            commit(written.subList(0, 2));
            commit(written.subList(2, written.size()));
            assertThat(unsent(ticket)).isEqualTo(written.size());

            // The broker is down: the round fails before anything leaves, and nothing is marked sent.
            Function<SwitchboardEvent, Uni<Void>> brokerDown = event -> Uni.createFrom()
                    .failure(new IllegalStateException("broker unavailable"));
            assertThat(attempt(brokerDown)).isInstanceOf(IllegalStateException.class);
            assertThat(unsent(ticket)).isEqualTo(written.size());
            assertThat(topic.records(ticket.toString(), Duration.ofSeconds(1))).isEmpty();

            // Back to normal (as after a restart): the relay publishes everything, in order, once.
            relay.resume();
            TestDb.eventually(() -> unsent(ticket) == 0 ? true : null);
            topic.await(r -> written.get(written.size() - 1).eventId().toString().equals(TopicReader.header(r, "ce_id")));
            assertThat(eventIds(topic.records(ticket.toString(), Duration.ofMillis(500))))
                    .containsExactlyElementsOf(written.stream().map(e -> e.eventId().toString()).toList());
        }
    }

    @Test
    void aCrashAfterPublishingButBeforeMarkingRepublishesAndConsumersSeeTheSameEventIds() {
        UUID ticket = UUID.randomUUID();
        List<SwitchboardEvent> written = lifeOf(ticket);
        // A round takes the oldest batch-size rows: publish what others left (SLA events the scheduled
        // scanner wrote while the relay was held, ...), so that this ticket's rows are in the next round.
        drainTheOutbox();
        try (TopicReader topic = new TopicReader(Topics.TICKET_EVENTS)) {
            commit(written);
            // Every event reaches the broker, then the relay dies before its transaction commits.
            Set<UUID> mine = Collections.newSetFromMap(new ConcurrentHashMap<>());
            written.forEach(e -> mine.add(e.eventId()));
            Function<SwitchboardEvent, Uni<Void>> publishThenCrash = event -> publisher.publish(event)
                    .chain(() -> mine.contains(event.eventId()) && event.eventId().equals(written.get(written.size() - 1).eventId())
                            ? Uni.createFrom().failure(new IllegalStateException("killed before marking"))
                            : Uni.createFrom().voidItem());
            assertThat(attempt(publishThenCrash)).hasMessageContaining("killed before marking");
            assertThat(unsent(ticket)).as("not marked: the transaction never committed").isEqualTo(written.size());

            relay.resume();
            TestDb.eventually(() -> unsent(ticket) == 0 ? true : null);
            List<String> expected = written.stream().map(e -> e.eventId().toString()).toList();
            List<String> seen = TestDb.eventually(() -> {
                List<String> ids = eventIds(topic.records(ticket.toString(), Duration.ofMillis(300)));
                return ids.size() >= 2 * expected.size() ? ids : null;
            });
            // At least once, each round in order; a consumer deduplicating by ce_id sees each event once, in order.
            assertThat(seen.subList(0, expected.size())).containsExactlyElementsOf(expected);
            assertThat(seen.subList(expected.size(), 2 * expected.size())).containsExactlyElementsOf(expected);
            assertThat(seen.stream().distinct().toList()).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void twoRelaysAtOnceNeverPublishTheSameRow() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        List<SwitchboardEvent> a = lifeOf(first);
        List<SwitchboardEvent> b = lifeOf(second);
        // Interleaved commits of two tickets.
        for (int i = 0; i < a.size(); i++) {
            commit(List.of(a.get(i)));
            commit(List.of(b.get(i)));
        }
        List<UUID> sent = Collections.synchronizedList(new ArrayList<>());
        Function<SwitchboardEvent, Uni<Void>> slowCounting = event -> Uni.createFrom().voidItem()
                .onItem().delayIt().by(Duration.ofMillis(20))
                .chain(() -> publisher.publish(event)).invoke(() -> sent.add(event.eventId()));
        try (TopicReader topic = new TopicReader(Topics.TICKET_EVENTS)) {
            // Two replicas' rounds at the same moment, until the outbox is drained.
            TestDb.eventually(() -> {
                Uni<Integer> one = relay.relayBatch(slowCounting);
                Uni<Integer> other = relay.relayBatch(slowCounting);
                Uni.join().all(one, other).andCollectFailures().await().atMost(Duration.ofSeconds(60));
                return unsent(first) + unsent(second) == 0 ? true : null;
            });
            List<UUID> ours = sent.stream().filter(id -> a.stream().anyMatch(e -> e.eventId().equals(id))
                    || b.stream().anyMatch(e -> e.eventId().equals(id))).toList();
            assertThat(ours).doesNotHaveDuplicates().hasSize(a.size() + b.size());
            for (List<SwitchboardEvent> life : List.of(a, b)) {
                String key = life.get(0).partitionKey();
                topic.await(r -> life.get(life.size() - 1).eventId().toString().equals(TopicReader.header(r, "ce_id")));
                assertThat(eventIds(topic.records(key, Duration.ZERO)))
                        .containsExactlyElementsOf(life.stream().map(e -> e.eventId().toString()).toList());
            }
        }
    }

    /** A ticket's short life as a sequence of events, each a separate fact in order. */
    private static List<SwitchboardEvent> lifeOf(UUID ticket) {
        Actor agent = Actor.agent("agent-" + ticket);
        return List.of(
                TicketStatusChanged.of(ticket, TicketStatus.NEW, TicketStatus.OPEN, agent),
                TicketTagsChanged.of(ticket, List.of("billing"), List.of(), List.of("billing"), agent),
                TicketStatusChanged.of(ticket, TicketStatus.OPEN, TicketStatus.PENDING_CUSTOMER, agent),
                TicketStatusChanged.of(ticket, TicketStatus.PENDING_CUSTOMER, TicketStatus.OPEN, Actor.system("test")),
                TicketStatusChanged.of(ticket, TicketStatus.OPEN, TicketStatus.RESOLVED, agent));
    }

    private void commit(List<SwitchboardEvent> events) {
        Changes changes = new Changes(SwitchboardEvent.now());
        events.forEach(changes::event);
        vertx.await(() -> Panache.withTransaction(() -> Panache.getSession().chain(changes::writeTo)));
    }

    private void drainTheOutbox() {
        TestDb.eventually(() -> relay.relayBatch(publisher::publish).await().atMost(Duration.ofSeconds(60)) == 0
                ? true : null);
    }

    private Throwable attempt(Function<SwitchboardEvent, Uni<Void>> sender) {
        try {
            relay.relayBatch(sender).await().atMost(Duration.ofSeconds(60));
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    private long unsent(UUID ticket) {
        return db.count("select count(*) from outbox_event where message_key = $1 and sent_at is null", ticket.toString());
    }

    private static List<String> eventIds(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> TopicReader.header(r, "ce_id")).toList();
    }
}
