package io.switchboard.gateway.ticket;

import java.time.Instant;
import java.util.UUID;

import io.switchboard.events.Visibility;
import io.switchboard.events.ticket.DeliveryState;
import io.switchboard.events.ticket.MessageAdded;
import io.switchboard.gateway.downstream.TicketDetail;

/**
 * One entry of the thread as the app shows it; the same shape as the {@code message} live push (the
 * MessageAdded event), so a pushed message and a loaded one render alike.
 *
 * @param text customer or agent text: render as text only
 * @param delivery for our replies: PENDING, DELIVERED or FAILED; null otherwise
 * @param failureReason why a delivery failed
 * @param createdAt when the customer posted it (by the channel's clock), or when we wrote it
 */
public record ThreadMessage(UUID messageId, MessageAdded.Kind kind, MessageAdded.Author author, String text,
                            Visibility visibility, DeliveryState delivery, String failureReason, Instant createdAt) {

    public static ThreadMessage of(TicketDetail.Message m) {
        TicketDetail.Delivery delivery = m.delivery();
        return new ThreadMessage(m.id(), m.kind(), new MessageAdded.Author(m.authorId(), m.authorName()), m.text(),
                m.visibility(), delivery == null ? null : delivery.state(), delivery == null ? null : delivery.detail(),
                m.postedAt() != null ? m.postedAt() : m.createdAt());
    }
}
