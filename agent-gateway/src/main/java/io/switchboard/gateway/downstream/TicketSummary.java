package io.switchboard.gateway.downstream;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.switchboard.events.Channel;
import io.switchboard.events.Visibility;
import io.switchboard.events.mention.Intent;
import io.switchboard.events.mention.Sentiment;
import io.switchboard.events.ticket.Priority;
import io.switchboard.events.ticket.TicketStatus;

/**
 * A ticket as ticket-service lists it (GET /api/v1/tickets). Unknown fields are ignored, so
 * ticket-service can add to it freely.
 *
 * @param summary a short text of what it is about (customer text: render as text only)
 * @param slaDueAt when the running SLA clock breaches; null when none runs (pending customer, resolved)
 * @param piiFound whether triage found personal data in the conversation
 * @param version optimistic-locking version, echoed back on changes
 */
public record TicketSummary(UUID id, String reference, Channel channel, TicketStatus status, Priority priority,
                            String language, Intent intent, Sentiment sentiment, String team, String assigneeId,
                            CustomerRef customer, String summary, Instant slaDueAt, Instant createdAt, Instant updatedAt,
                            boolean piiFound, List<String> tags, Visibility visibility, Long version) {

    /** The customer as a ticket names them (handle and display name are customer text). */
    public record CustomerRef(UUID customerId, String handle, String displayName) {
    }
}
