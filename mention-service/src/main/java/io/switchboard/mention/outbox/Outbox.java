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

    /**
     * Adds the event in {@code tx} only if {@code insertReturning} (an {@code insert ... returning},
     * its parameters $1..$n in {@code parameters}) inserts a row; true if it did. One statement, one
     * round trip, where the insert and {@link #add} would be two: this is every accepted post's path.
     */
    public Uni<Boolean> addIfInserted(SqlConnection tx, String insertReturning, Object[] parameters, SwitchboardEvent event) {
        int n = parameters.length;
        Object[] all = java.util.Arrays.copyOf(parameters, n + 5);
        all[n] = event.eventId();
        all[n + 1] = event.descriptor().topic();
        all[n + 2] = event.partitionKey();
        all[n + 3] = event.ceType();
        all[n + 4] = io.vertx.core.buffer.Buffer.buffer(EventCodec.encode(event));
        return tx.preparedQuery("with inserted as (" + insertReturning + ") insert into outbox (event_id, topic,"
                        + " message_key, ce_type, payload) select $" + (n + 1) + ", $" + (n + 2) + ", $" + (n + 3)
                        + ", $" + (n + 4) + ", $" + (n + 5) + " from inserted")
                .execute(Tuple.from(all))
                .map(rows -> rows.rowCount() == 1);
    }

    /** After a commit: send what was just written without waiting for the next scheduled pass. */
    public void committed() {
        relay.wakeUp();
    }
}
