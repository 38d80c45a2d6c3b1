package io.switchboard.ticket.customer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.ticket.MessageAdded;

/**
 * The bulk statements of an erasure, in the caller's transaction: identities deleted, the names of
 * the customer records merged into this one removed, every message of their tickets (also those
 * that moved to another ticket by a merge) and every post of theirs on another customer's ticket
 * stripped of its text and ids, their conversation links deleted.
 */
final class ErasedRows {

    /** Messages moved away from their tickets by a ticket merge, and their own posts wherever they are. */
    private static final String THEIRS_ELSEWHERE = "m.mergedFromTicketId in :tickets"
            + " or (m.kind = :customer and m.authorId in :authors)";

    private ErasedRows() {
    }

    /** The customers merged into {@code customerId}, and those merged into them, and so on. */
    static Uni<List<UUID>> mergedInto(Mutiny.Session session, UUID customerId) {
        return mergedInto(session, List.of(customerId), new ArrayList<>());
    }

    private static Uni<List<UUID>> mergedInto(Mutiny.Session session, List<UUID> into, List<UUID> found) {
        return session.createSelectionQuery("select c.id from Customer c where c.mergedIntoId in :into", UUID.class)
                .setParameter("into", into).getResultList()
                .chain(ids -> {
                    // A merged customer cannot be merged again, so there is no cycle; the guard keeps it so.
                    List<UUID> next = ids.stream().filter(id -> !found.contains(id)).toList();
                    if (next.isEmpty()) {
                        return Uni.createFrom().item(List.copyOf(found));
                    }
                    found.addAll(next);
                    return mergedInto(session, next, found);
                });
    }

    /** The tickets of other customers that hold posts of this person or messages moved from their tickets. */
    static Uni<List<UUID>> otherTickets(Mutiny.Session session, ErasureScope scope) {
        return session.createSelectionQuery("select distinct m.ticketId from TicketMessage m where (" + THEIRS_ELSEWHERE
                        + ") and m.ticketId not in :tickets", UUID.class)
                .setParameter("tickets", orNone(scope.ticketIds()))
                .setParameter("authors", scope.personIds())
                .setParameter("customer", MessageAdded.Kind.CUSTOMER)
                .getResultList();
    }

    static Uni<Void> erase(Mutiny.Session session, ErasureScope scope, Instant at) {
        List<UUID> tickets = orNone(scope.ticketIds());
        return session.createMutationQuery("delete from CustomerIdentity i where i.customerId = :id")
                .setParameter("id", scope.customerId()).executeUpdate()
                .chain(() -> scope.mergedCustomerIds().isEmpty() ? Uni.createFrom().item(0)
                        : session.createMutationQuery("update Customer c set c.displayName = null, c.erasedAt = :at,"
                                + " c.updatedAt = :at, c.version = c.version + 1 where c.id in :merged")
                                .setParameter("at", at).setParameter("merged", scope.mergedCustomerIds()).executeUpdate())
                .chain(() -> session.createMutationQuery("update TicketMessage m set m.text = :erased, m.redactedText = null,"
                        + " m.authorName = null, m.externalId = null, m.conversationId = null, m.inReplyToExternalId = null,"
                        + " m.externalPostId = null, m.deliveryDetail = null where m.ticketId in :tickets or "
                        + THEIRS_ELSEWHERE)
                        .setParameter("erased", CustomerPrivacy.ERASED).setParameter("tickets", tickets)
                        .setParameter("authors", scope.personIds()).setParameter("customer", MessageAdded.Kind.CUSTOMER)
                        .executeUpdate())
                .chain(() -> session.createMutationQuery("delete from Conversation c where c.ticketId in :tickets")
                        .setParameter("tickets", tickets).executeUpdate())
                .replaceWithVoid();
    }

    /** {@code in :list} needs at least one element; the nil UUID is no ticket's id. */
    private static List<UUID> orNone(List<UUID> ids) {
        return ids.isEmpty() ? List.of(new UUID(0, 0)) : ids;
    }
}
