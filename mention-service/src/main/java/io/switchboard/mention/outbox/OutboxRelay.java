package io.switchboard.mention.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.switchboard.events.CloudEventHeaders;
import io.switchboard.events.EventCodec;
import io.switchboard.events.SwitchboardEvent;
import io.switchboard.events.Topics;
import io.switchboard.kit.messaging.EventMessages;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Sends the outbox to Kafka. Each pass locks a batch of unsent rows with
 * {@code for update skip locked} (so several replicas share the work without sending a row twice
 * at the same time), sends them in id order, and marks as sent only the rows the broker
 * acknowledged, in the same transaction. A crash between the ack and the commit sends a row again:
 * delivery is at least once and consumers de-duplicate by event id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String SOURCE = CloudEventHeaders.sourceOf(Topics.MENTION_SERVICE);

    @Inject
    Pool pool;

    @Inject
    @Channel(Topics.MENTIONS)
    MutinyEmitter<byte[]> mentions;

    @Inject
    @Channel(Topics.DELIVERY_EVENTS)
    MutinyEmitter<byte[]> deliveries;

    @ConfigProperty(name = "switchboard.outbox.batch-size", defaultValue = "200")
    int batchSize;

    @ConfigProperty(name = "switchboard.outbox.send-timeout", defaultValue = "PT15S")
    Duration sendTimeout;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    private record Row0(long id, String topic, String key, String ceType, byte[] payload) {
    }

    /** The safety net: whatever a wake-up missed (another replica's rows, a failed send) goes out here. */
    @Scheduled(every = "${switchboard.outbox.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        wakeUp();
    }

    /** Drains the outbox now, or right after the pass that is running. Never blocks the caller. */
    public void wakeUp() {
        again.set(true);
        if (running.compareAndSet(false, true)) {
            again.set(false);
            drain().emitOn(Infrastructure.getDefaultWorkerPool()).subscribe().with(
                    sent -> finished(), failure -> {
                        LOG.warnf("Outbox relay pass failed (%s); rows stay for the next pass",
                                failure.getClass().getSimpleName());
                        finished();
                    });
        }
    }

    private void finished() {
        running.set(false);
        if (again.get()) {
            wakeUp();
        }
    }

    /** Sends batches until the outbox is empty; returns the number of rows sent. */
    public Uni<Integer> drain() {
        return relayBatch().flatMap(sent -> sent < batchSize || sent == 0
                ? Uni.createFrom().item(sent)
                : drain().map(more -> sent + more));
    }

    Uni<Integer> relayBatch() {
        return pool.withTransaction(tx -> tx
                .preparedQuery("select id, topic, message_key, ce_type, payload from outbox where sent_at is null"
                        + " order by id limit $1 for update skip locked")
                .execute(Tuple.of(batchSize))
                .flatMap(rows -> {
                    List<Row0> batch = new ArrayList<>();
                    for (Row r : rows) {
                        batch.add(new Row0(r.getLong("id"), r.getString("topic"), r.getString("message_key"),
                                r.getString("ce_type"), r.getBuffer("payload").getBytes()));
                    }
                    return batch.isEmpty() ? Uni.createFrom().item(0) : sendAndMark(tx, batch);
                }));
    }

    private Uni<Integer> sendAndMark(SqlConnection tx, List<Row0> batch) {
        List<Uni<Long>> sends = new ArrayList<>(batch.size());
        for (Row0 row : batch) {
            sends.add(Uni.createFrom().deferred(() -> send(row)).replaceWith(row.id())
                    .ifNoItem().after(sendTimeout).fail()
                    .onFailure().recoverWithItem(failure -> {
                        LOG.warnf("Outbox row %d (%s) not acknowledged: %s", row.id(), row.ceType(),
                                failure.getClass().getSimpleName());
                        return null;
                    }));
        }
        return Uni.join().all(sends).andFailFast().flatMap(ids -> {
            List<Long> acked = ids.stream().filter(id -> id != null).toList();
            if (acked.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            return tx.preparedQuery("update outbox set sent_at = now() where id = any($1)")
                    .execute(Tuple.of(acked.toArray(new Long[0])))
                    .map(r -> acked.size());
        });
    }

    private Uni<Void> send(Row0 row) {
        SwitchboardEvent event = EventCodec.decode(row.ceType(), row.payload());
        MutinyEmitter<byte[]> emitter = switch (row.topic()) {
            case Topics.MENTIONS -> mentions;
            case Topics.DELIVERY_EVENTS -> deliveries;
            default -> throw new IllegalStateException("no emitter for topic " + row.topic());
        };
        return emitter.sendMessage(EventMessages.outgoing(event, SOURCE, row.key()));
    }
}
