package io.switchboard.ticket.ticket.api;

import java.time.Instant;
import java.util.UUID;

import io.switchboard.events.Visibility;
import io.switchboard.events.ticket.DeliveryState;
import io.switchboard.events.ticket.MessageAdded;

/**
 * One entry of a ticket's conversation. The text is the customer's or agent's own and may hold
 * personal data: clients render it as text, never as markup.
 *
 * @param delivery for agent replies: where the reply is on its way to the channel; else null
 * @param mergedFromTicketId the ticket it was written on, when that ticket was merged into this one
 */
public record MessageView(
        UUID id,
        MessageAdded.Kind kind,
        String authorId,
        String authorName,
        String text,
        Visibility visibility,
        String externalId,
        UUID replyId,
        Delivery delivery,
        UUID mergedFromTicketId,
        Instant postedAt,
        Instant createdAt) {

    /** @param detail why it failed, in words an agent can act on */
    public record Delivery(DeliveryState state, String externalPostId, String detail, Instant changedAt) {
    }
}
