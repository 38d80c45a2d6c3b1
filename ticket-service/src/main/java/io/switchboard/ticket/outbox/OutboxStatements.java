package io.switchboard.ticket.outbox;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.EventCodec;
import io.switchboard.events.SwitchboardEvent;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Writes outbox rows on a plain SQL connection, for the jobs that work in SQL rather than through
 * Hibernate (the SLA scanner); the same columns {@link OutboxEvent} maps.
 */
public final class OutboxStatements {

    private static final String INSERT = "insert into outbox_event"
            + " (event_id, topic, message_key, ce_type, payload, occurred_at, created_at) values ($1, $2, $3, $4, $5, $6, $7)";

    private OutboxStatements() {
    }

    /** Adds the events in one batched statement, inside the connection's transaction. */
    public static Uni<Void> insert(SqlConnection connection, List<? extends SwitchboardEvent> events, Instant at) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = events.stream().map(event -> Tuple.from(List.of(event.eventId(), event.descriptor().topic(),
                event.partitionKey(), event.ceType(), Buffer.buffer(EventCodec.encode(event)),
                event.occurredAt().atOffset(ZoneOffset.UTC), at.atOffset(ZoneOffset.UTC)))).toList();
        return connection.preparedQuery(INSERT).executeBatch(rows).replaceWithVoid();
    }
}
