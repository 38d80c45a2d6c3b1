package io.switchboard.ticket.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.EventCodec;
import io.switchboard.events.EventDecodingException;
import io.switchboard.events.SwitchboardEvent;
import io.switchboard.ticket.infra.messaging.TicketEventPublisher;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Publishes the outbox to Kafka. One round, in one database transaction: take the relay lock
 * (a transaction-scoped advisory lock, so among all replicas one relays at a time and the events
 * of a ticket leave in the order they were written), claim the oldest unsent rows, publish them
 * in order, wait for the broker's acknowledgements, mark them sent, commit.
 *
 * <p>Crash between a change's commit and its publication: the row is unsent and the next round
 * publishes it. Crash (or timeout) after publishing but before the commit that marks the rows
 * sent: they are published again. Delivery is therefore at least once; consumers deduplicate by
 * {@code eventId} (ce_id), as every Switchboard consumer does.
 */
@ApplicationScoped
public class OutboxRelay {

    /** pg advisory lock key of the relay; any constant unique within the ticket database. */
    static final long RELAY_LOCK = 0x5357_4f55_5442_4f58L; // "SWOUTBOX"

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    Pool pool;

    @Inject
    TicketEventPublisher publisher;

    @Inject
    OutboxConfig config;

    @Inject
    MeterRegistry metrics;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile boolean paused;

    /**
     * Asks for the outbox to be relayed now (after a commit that wrote events, and on a timer).
     * Runs coalesce: a nudge during a round makes one more round follow.
     */
    public void nudge() {
        again.set(true);
        if (!paused && running.compareAndSet(false, true)) {
            drain();
        }
    }

    private void drain() {
        again.set(false);
        relayBatch(publisher::publish).subscribe().with(
                published -> {
                    if (!paused && (published >= config.batchSize() || again.get())) {
                        drain();
                    } else {
                        finish();
                    }
                },
                failure -> {
                    LOG.warnf("Outbox relay round failed (%s); unsent events stay for the next round",
                            failure.getClass().getSimpleName());
                    metrics.counter("switchboard.outbox.relay.failures").increment();
                    running.set(false);
                });
    }

    private void finish() {
        running.set(false);
        // A nudge between the last check and here would otherwise wait for the timer.
        if (again.get() && !paused && running.compareAndSet(false, true)) {
            drain();
        }
    }

    /**
     * Stops starting rounds (for maintenance and tests) and waits up to a minute for the round in
     * progress to end. Blocks: never call it on an event loop.
     */
    public void pause() {
        paused = true;
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(1);
        while (running.get() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** No new rounds while the application stops (the pool and the producer are going away). */
    void stopping(@Observes ShutdownEvent event) {
        paused = true;
    }

    public void resume() {
        paused = false;
        nudge();
    }

    /**
     * One round with the given sender; returns how many events were published (0 when another
     * replica holds the relay lock).
     */
    public Uni<Integer> relayBatch(Function<SwitchboardEvent, Uni<Void>> sender) {
        return pool.withTransaction(connection -> connection
                .preparedQuery("select pg_try_advisory_xact_lock($1)").execute(Tuple.of(RELAY_LOCK))
                .chain(locked -> locked.iterator().next().getBoolean(0)
                        ? claimAndPublish(connection, sender)
                        : Uni.createFrom().item(0)));
    }

    private Uni<Integer> claimAndPublish(SqlConnection connection, Function<SwitchboardEvent, Uni<Void>> sender) {
        return connection.preparedQuery("select seq, ce_type, payload from outbox_event where sent_at is null"
                        + " order by seq limit $1 for update skip locked")
                .execute(Tuple.of(config.batchSize()))
                .chain(rows -> {
                    List<Long> claimed = new ArrayList<>();
                    List<SwitchboardEvent> events = new ArrayList<>();
                    for (Row row : rows) {
                        try {
                            events.add(EventCodec.decode(row.getString("ce_type"), row.getBuffer("payload").getBytes()));
                            claimed.add(row.getLong("seq"));
                        } catch (EventDecodingException e) {
                            // Only a build that dropped a still-stored event version gets here; the
                            // row stays for a build that can read it, the others go on.
                            LOG.errorf("Outbox row %d cannot be decoded (%s); left unsent", row.getLong("seq"),
                                    e.getMessage());
                        }
                    }
                    if (events.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    return publishInOrder(events, sender)
                            .chain(() -> connection.preparedQuery("update outbox_event set sent_at = now() where seq = any($1)")
                                    .execute(Tuple.of(claimed.toArray(Long[]::new))))
                            .invoke(() -> metrics.counter("switchboard.outbox.published").increment(events.size()))
                            .replaceWith(events.size());
                });
    }

    /**
     * Hands the events to the producer in seq order (the producer, idempotent with acks=all, keeps
     * that order per partition) and waits until the broker acknowledged every one.
     */
    private Uni<Void> publishInOrder(List<SwitchboardEvent> events, Function<SwitchboardEvent, Uni<Void>> sender) {
        return Multi.createFrom().iterable(events)
                .onItem().transformToUni(event -> sender.apply(event).replaceWith(Boolean.TRUE)).merge(128)
                .collect().last()
                .ifNoItem().after(config.publishTimeout()).failWith(() -> new IllegalStateException(
                        "the broker did not acknowledge " + events.size() + " events within " + config.publishTimeout()))
                .replaceWithVoid();
    }

    /**
     * Waits for a relay round in progress to end, then keeps every relay out until the caller's
     * transaction ends: for a change that rewrites or removes outbox rows, which no round may
     * publish meanwhile (erasure). A round that finds the lock taken publishes nothing; the next
     * one after the commit publishes what is left.
     */
    public static Uni<Void> lockOut(Mutiny.Session session) {
        return session.createNativeQuery("select 1 from pg_advisory_xact_lock(:lock)")
                .setParameter("lock", RELAY_LOCK).getSingleResult().replaceWithVoid();
    }

    /** Deletes sent rows older than the retention; returns how many. */
    public Uni<Integer> prune() {
        return pool.preparedQuery("delete from outbox_event where sent_at < now() - make_interval(secs => $1)")
                .execute(Tuple.of((double) config.retention().toSeconds()))
                .map(result -> result.rowCount());
    }
}
