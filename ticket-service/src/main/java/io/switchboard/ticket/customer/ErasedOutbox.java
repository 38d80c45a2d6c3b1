package io.switchboard.ticket.customer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.Actor;
import io.switchboard.events.EventCodec;
import io.switchboard.events.EventDecodingException;
import io.switchboard.events.SwitchboardEvent;
import io.switchboard.events.ticket.DeliveryState;
import io.switchboard.events.ticket.MessageDeliveryChanged;
import io.switchboard.events.ticket.ReplyRequested;
import io.switchboard.ticket.infra.persistence.Changes;
import io.switchboard.ticket.outbox.OutboxEvent;
import io.switchboard.ticket.outbox.OutboxRelay;

/**
 * The erased customer's events in the outbox, in the erasure's transaction and with the relay kept
 * out meanwhile (so none is published half-way). Published copies of events about them are deleted;
 * those not published yet become what {@link ErasedEvents} makes of them, so the others still learn
 * the facts but not the content. A reply to them that never left is withdrawn: its message is marked
 * FAILED and the agents see why ({@link MessageDeliveryChanged}). On another customer's ticket only
 * their own posts lose their content.
 */
final class ErasedOutbox {

    static final String NOT_SENT = "Not sent: the customer's personal data was erased.";

    private ErasedOutbox() {
    }

    static Uni<Void> erase(Mutiny.Session session, ErasureScope scope, List<UUID> otherTickets, Changes changes,
            Actor actor) {
        Set<String> theirs = scope.outboxKeys();
        Set<String> keys = new HashSet<>(theirs);
        otherTickets.forEach(id -> keys.add(id.toString()));
        return OutboxRelay.lockOut(session)
                .chain(() -> session.createSelectionQuery("from OutboxEvent o where o.messageKey in :keys order by o.seq",
                        OutboxEvent.class).setParameter("keys", keys).getResultList())
                .chain(rows -> {
                    List<OutboxEvent> gone = new ArrayList<>();
                    List<ReplyRequested> withdrawn = new ArrayList<>();
                    for (OutboxEvent row : rows) {
                        boolean ofTheirs = theirs.contains(row.messageKey);
                        if (ofTheirs && row.sentAt != null) {
                            gone.add(row);
                            continue;
                        }
                        SwitchboardEvent event;
                        try {
                            event = row.event();
                        } catch (EventDecodingException e) {
                            // Only a build that dropped a stored version gets here: what cannot be read cannot be
                            // scrubbed, so one of theirs is not published at all.
                            if (ofTheirs) {
                                gone.add(row);
                            }
                            continue;
                        }
                        Optional<SwitchboardEvent> after = ofTheirs ? ErasedEvents.theirs(event)
                                : Optional.of(ErasedEvents.onAnotherTicket(event, scope.personIds()));
                        if (after.isEmpty()) {
                            gone.add(row);
                            if (event instanceof ReplyRequested reply) {
                                withdrawn.add(reply);
                            }
                        } else if (!after.get().equals(event)) {
                            row.payload = EventCodec.encode(after.get());
                        }
                    }
                    withdrawn.forEach(reply -> announceWithdrawn(reply, changes, scope.customerId(), actor));
                    return deleteAll(session, gone).chain(() -> markWithdrawn(session, withdrawn, changes.at()));
                });
    }

    private static void announceWithdrawn(ReplyRequested reply, Changes changes, UUID customerId, Actor actor) {
        changes.event(MessageDeliveryChanged.failed(reply.ticketId(), reply.messageId(), reply.replyId(), NOT_SENT, false));
        changes.audit(reply.ticketId(), customerId, actor, "REPLY_WITHDRAWN", "reply " + reply.replyId()
                + " not sent: customer erased");
    }

    private static Uni<Void> deleteAll(Mutiny.Session session, List<OutboxEvent> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return session.createMutationQuery("delete from OutboxEvent o where o.eventId in :ids")
                .setParameter("ids", rows.stream().map(row -> row.eventId).toList()).executeUpdate()
                .invoke(() -> rows.forEach(session::detach))
                .replaceWithVoid();
    }

    private static Uni<Void> markWithdrawn(Mutiny.Session session, List<ReplyRequested> replies, Instant at) {
        if (replies.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return session.createMutationQuery("update TicketMessage m set m.deliveryState = :failed, m.deliveryDetail = :why,"
                        + " m.deliveryChangedAt = :at where m.replyId in :replies and m.deliveryState = :pending")
                .setParameter("failed", DeliveryState.FAILED).setParameter("why", NOT_SENT).setParameter("at", at)
                .setParameter("replies", replies.stream().map(ReplyRequested::replyId).toList())
                .setParameter("pending", DeliveryState.PENDING).executeUpdate()
                .replaceWithVoid();
    }
}
