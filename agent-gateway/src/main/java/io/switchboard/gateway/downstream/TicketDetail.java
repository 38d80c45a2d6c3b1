package io.switchboard.gateway.downstream;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.switchboard.events.Visibility;
import io.switchboard.events.mention.PiiFinding;
import io.switchboard.events.ticket.DeliveryState;
import io.switchboard.events.ticket.MessageAdded;

/** A ticket with its whole conversation, as ticket-service returns it (GET /api/v1/tickets/{id}). */
public record TicketDetail(TicketSummary ticket, List<Message> messages) {

    public TicketDetail {
        messages = messages == null ? List.of() : List.copyOf(messages);
    }

    /**
     * One message of the thread: a customer post, our reply with its delivery state, or an internal note.
     *
     * @param text customer or agent text: render as text only
     * @param pii personal data triage found in a customer message (spans into {@code text})
     */
    public record Message(UUID messageId, MessageAdded.Kind kind, MessageAdded.Author author, String text,
                          Visibility visibility, DeliveryState delivery, String failureReason, Instant createdAt,
                          List<PiiFinding> pii) {
    }
}
