package io.switchboard.ticket.ticket;

import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.SwitchboardEvent;
import io.switchboard.events.ticket.TicketMerged;
import io.switchboard.events.ticket.TicketStatus;
import io.switchboard.events.ticket.TicketStatusChanged;
import io.switchboard.ticket.infra.security.Scope;
import io.switchboard.ticket.ticket.api.Requests;
import io.switchboard.ticket.ticket.api.TicketDetail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;

/**
 * Merges a ticket into another: its messages and conversations move to the target (each message
 * remembers where it was written), it is closed and points at the target, and both audit trails
 * say so. Nothing is deleted, so the history stays whole.
 */
@ApplicationScoped
public class TicketMerger {

    @Inject
    TicketChange change;

    @Inject
    TicketAccess access;

    @Inject
    TicketViews views;

    /** Merges {@code sourceId} into {@code request.into()}; answers with the target as it now is. */
    public Uni<TicketDetail> merge(UUID sourceId, Requests.Merge request, Scope scope) {
        UUID targetId = TicketCommands.required(request.into(), "into");
        if (targetId.equals(sourceId)) {
            throw new BadRequestException("A ticket cannot be merged into itself.");
        }
        return change.run(sourceId, request.version(), scope, (source, clocks, changes) -> access.visible(targetId, scope)
                .chain(into -> {
                    if (source.mergedIntoId != null) {
                        throw new TicketConflictException("Ticket " + source.reference + " was already merged.");
                    }
                    if (into.mergedIntoId != null || into.status == TicketStatus.CLOSED) {
                        throw new TicketConflictException("Ticket " + into.reference + " is closed; merge into an open one.");
                    }
                    if (source.status != TicketStatus.CLOSED) {
                        TicketStatus from = source.moveTo(TicketStatus.CLOSED, changes.at());
                        changes.event(new TicketStatusChanged(SwitchboardEvent.newEventId(), changes.at(), source.id,
                                from, TicketStatus.CLOSED, scope.actor(), "merged into " + into.reference));
                        changes.audit(source.id, source.customerId, scope.actor(), "STATUS_CHANGED",
                                from + " -> CLOSED (merged)");
                    }
                    clocks.stopAll(changes.at());
                    source.mergedIntoId = into.id;
                    source.touch(changes.at());
                    into.touch(changes.at());
                    if (into.lastCustomerMessageAt == null || (source.lastCustomerMessageAt != null
                            && source.lastCustomerMessageAt.isAfter(into.lastCustomerMessageAt))) {
                        into.lastCustomerMessageAt = source.lastCustomerMessageAt;
                    }
                    changes.event(TicketMerged.of(source.id, into.id, into.reference, scope.actor()));
                    changes.audit(source.id, source.customerId, scope.actor(), "MERGED_INTO", "ticket " + into.id);
                    changes.audit(into.id, into.customerId, scope.actor(), "MERGED_FROM", "ticket " + source.id);
                    return moveHistory(source.id, into.id);
                }))
                // The answer is the target, which now holds the whole conversation.
                .chain(ignored -> Panache.withSession(() -> access.visible(targetId, scope).chain(views::detail)));
    }

    private static Uni<Void> moveHistory(UUID from, UUID to) {
        return Panache.getSession().chain(session -> session
                .createMutationQuery("update TicketMessage m set m.mergedFromTicketId = coalesce(m.mergedFromTicketId, m.ticketId),"
                        + " m.ticketId = :to where m.ticketId = :from")
                .setParameter("to", to).setParameter("from", from).executeUpdate()
                .chain(() -> session.createMutationQuery("update Conversation c set c.ticketId = :to where c.ticketId = :from")
                        .setParameter("to", to).setParameter("from", from).executeUpdate()))
                .replaceWithVoid();
    }
}
