package io.switchboard.routing.infra.outbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.EventCodec;
import io.switchboard.events.SwitchboardEvent;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Publishes one topic's outbox rows, a batch per transaction. Any number of these run at once (one
 * per replica): each claims rows with {@code for update skip locked}, and only the oldest
 * unpublished row of each key, so the decisions about one ticket go out in the order they were made
 * even when two relays race. A row is marked published only after the broker acknowledged it; a
 * crash or a failed send before that publishes it again (at least once: consumers are idempotent by
 * event id), never out of order.
 */
public final class OutboxBatches {

    private final Pool pool;
    private final String topic;
    private final int batchSize;
    private final BiFunction<SwitchboardEvent, String, Uni<Void>> publish;

    /** @param publish sends an event with its key and completes when the broker acknowledged it */
    public OutboxBatches(Pool pool, String topic, int batchSize, BiFunction<SwitchboardEvent, String, Uni<Void>> publish) {
        this.pool = pool;
        this.topic = topic;
        this.batchSize = batchSize;
        this.publish = publish;
    }

    /** Publishes until nothing is left to claim. */
    public Uni<Void> drain() {
        return publishBatch().flatMap(published -> published > 0 ? drain() : Uni.createFrom().voidItem());
    }

    /** @return how many rows it published */
    public Uni<Integer> publishBatch() {
        return pool.withTransaction(connection -> connection
                .preparedQuery("select o.id, o.ce_type, o.message_key, o.payload from outbox o"
                        + " where o.published_at is null and o.topic = $1"
                        + " and not exists (select 1 from outbox e where e.message_key = o.message_key and e.topic = o.topic"
                        + " and e.published_at is null and e.id < o.id)"
                        + " order by o.id limit $2 for update of o skip locked")
                .execute(Tuple.of(topic, batchSize))
                .flatMap(rows -> {
                    List<Long> ids = new ArrayList<>();
                    List<Uni<Void>> sends = new ArrayList<>();
                    for (Row row : rows) {
                        ids.add(row.getLong("id"));
                        SwitchboardEvent event = EventCodec.decode(row.getString("ce_type"),
                                row.getString("payload").getBytes(StandardCharsets.UTF_8));
                        sends.add(publish.apply(event, row.getString("message_key")));
                    }
                    if (ids.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    return Uni.join().all(sends).andFailFast()
                            .flatMap(acked -> connection
                                    .preparedQuery("update outbox set published_at = now() where id = any($1::bigint[])")
                                    .execute(Tuple.of((Object) ids.toArray(Long[]::new))))
                            .replaceWith(ids.size());
                }));
    }
}
