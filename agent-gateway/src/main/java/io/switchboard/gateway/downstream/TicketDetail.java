package io.switchboard.gateway.downstream;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.switchboard.events.Channel;
import io.switchboard.events.Visibility;
import io.switchboard.events.mention.Intent;
import io.switchboard.events.mention.Sentiment;
import io.switchboard.events.ticket.DeliveryState;
import io.switchboard.events.ticket.MessageAdded;
import io.switchboard.events.ticket.Priority;
import io.switchboard.events.ticket.SlaClock;
import io.switchboard.events.ticket.TicketStatus;

/**
 * A ticket with its customer, SLA clocks and whole conversation (oldest first), as ticket-service
 * answers {@code GET /api/v1/tickets/{id}} and every change to a ticket. Only the fields the gateway
 * reads are named here; the others are ignored.
 *
 * @param nextStatuses where the state machine lets the ticket go from here
 * @param sentiment triage's label of the first post (no score in this API)
 * @param version optimistic-locking version, named by changes that must not overwrite another's
 */
public record TicketDetail(UUID id, String reference, Channel channel, Visibility visibility, TicketStatus status,
                           List<TicketStatus> nextStatuses, Priority priority, String team, String queueId,
                           String assigneeId, String summary, String language, Intent intent, Sentiment.Label sentiment,
                           List<String> tags, Customer customer, UUID mergedIntoId, Instant createdAt, Instant updatedAt,
                           long version, List<Clock> sla, List<Message> messages) {

    public TicketDetail {
        nextStatuses = nextStatuses == null ? List.of() : List.copyOf(nextStatuses);
        tags = tags == null ? List.of() : List.copyOf(tags);
        sla = sla == null ? List.of() : List.copyOf(sla);
        messages = messages == null ? List.of() : List.copyOf(messages);
    }

    /** When the first live SLA clock runs out (in the past once breached); null when none runs (paused or stopped). */
    public Instant slaDueAt() {
        return sla.stream().filter(c -> c.stoppedAt() == null).map(Clock::dueAt).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
    }

    /** The customer as this ticket's channel shows them (customer text: render as text only). */
    public record Customer(UUID id, String displayName, String handle, Integer followerCount) {
    }

    /**
     * One SLA clock.
     *
     * @param state RUNNING, PAUSED (pending the customer), MET or BREACHED
     * @param dueAt null while paused
     */
    public record Clock(SlaClock clock, String state, Instant dueAt, Instant warnedAt, Instant breachedAt,
                        Instant stoppedAt) {
    }

    /**
     * One message: a customer post, our reply with its delivery, or an internal note.
     *
     * @param authorId the customer id for customer posts, the agent's OIDC subject otherwise
     * @param text customer or agent text: render as text only
     * @param visibility null for internal notes
     * @param delivery for agent replies; null otherwise
     * @param postedAt when the customer posted, by the channel's clock; null for our messages
     */
    public record Message(UUID id, MessageAdded.Kind kind, String authorId, String authorName, String text,
                          Visibility visibility, UUID replyId, Delivery delivery, UUID mergedFromTicketId,
                          Instant postedAt, Instant createdAt) {
    }

    /** @param detail why a delivery failed, in words an agent can act on */
    public record Delivery(DeliveryState state, String externalPostId, String detail, Instant changedAt) {
    }
}
