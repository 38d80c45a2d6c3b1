package io.switchboard.mention.delivery;

import java.util.List;
import java.util.UUID;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The durable memory of erased customers' tickets (the erased_ticket table). A reply request and an
 * erasure of its ticket can be consumed at the same moment on different partitions (or replicas);
 * both take the ticket's transaction-scoped advisory lock first, so one commits before the other
 * looks: either the erasure sees the PENDING delivery and cancels it, or the registration sees the
 * erased ticket and refuses the reply.
 */
@ApplicationScoped
public class ErasedTickets {

    /** Namespaces the advisory locks (two-key form) so they cannot meet another feature's. */
    private static final int LOCK_CLASS = 0x45524153; // "ERAS"

    /** Locks the tickets in {@code tx} until it ends; in id order, so two erasures never deadlock. */
    Uni<Void> lock(SqlConnection tx, List<UUID> ticketIds) {
        if (ticketIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery("select pg_advisory_xact_lock($1, hashtext(t::text))"
                        + " from unnest($2::uuid[]) as t order by t")
                .execute(Tuple.of(LOCK_CLASS, ticketIds.toArray(new UUID[0])))
                .replaceWithVoid();
    }

    /** Remembers the tickets as erased, in {@code tx} (idempotent). */
    Uni<Void> remember(SqlConnection tx, List<UUID> ticketIds) {
        if (ticketIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery("insert into erased_ticket (ticket_id) select unnest($1::uuid[]) on conflict do nothing")
                .execute(Tuple.of((Object) ticketIds.toArray(new UUID[0])))
                .replaceWithVoid();
    }

    /** Whether the ticket belongs to an erased customer; call after {@link #lock} in the same transaction. */
    Uni<Boolean> isErased(SqlConnection tx, UUID ticketId) {
        return tx.preparedQuery("select 1 from erased_ticket where ticket_id = $1").execute(Tuple.of(ticketId))
                .map(rows -> rows.iterator().hasNext());
    }
}
