package io.switchboard.mention.outbox;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.EventCodec;
import io.switchboard.events.SwitchboardEvent;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Adds events to the outbox inside the caller's transaction: the event is published if and only if
 * the state change it reports commits. {@link OutboxRelay} does the sending.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    OutboxRelay relay;

    public Uni<Void> add(SqlConnection tx, SwitchboardEvent event) {
        return tx.preparedQuery("insert into outbox (event_id, topic, message_key, ce_type, payload)"
                        + " values ($1, $2, $3, $4, $5)")
                .execute(Tuple.of(event.eventId(), event.descriptor().topic(), event.partitionKey(), event.ceType(),
                        io.vertx.core.buffer.Buffer.buffer(EventCodec.encode(event))))
                .replaceWithVoid();
    }

    /** After a commit: send what was just written without waiting for the next scheduled pass. */
    public void committed() {
        relay.wakeUp();
    }
}
