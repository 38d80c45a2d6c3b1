package io.switchboard.routing.infra.outbox;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.EventCodec;
import io.switchboard.events.SwitchboardEvent;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** Writes events to the outbox in the caller's transaction; {@link OutboxRelay} publishes them. */
public final class Outbox {

    private Outbox() {
    }

    public static Uni<Void> append(SqlConnection connection, List<SwitchboardEvent> events) {
        return append(connection, events, null);
    }

    /** @param topic the topic to relay them to; null for each event's own topic */
    static Uni<Void> append(SqlConnection connection, List<SwitchboardEvent> events, String topic) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = events.stream()
                .map(e -> Tuple.of(e.eventId(), topic != null ? topic : e.descriptor().topic(), e.partitionKey(), e.ceType(),
                        new String(EventCodec.encode(e), StandardCharsets.UTF_8)))
                .toList();
        return connection.preparedQuery("insert into outbox (event_id, topic, message_key, ce_type, payload)"
                + " values ($1, $2, $3, $4, $5)").executeBatch(rows).replaceWithVoid();
    }
}
