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
 * A ticket as ticket-service lists it ({@code GET /api/v1/tickets}, and a customer's tickets): enough
 * for an inbox row, so the inbox needs no call per ticket.
 *
 * @param summary built from triage's redacted text (customer text: render as text only)
 * @param sla ON_TRACK, AT_RISK, BREACHED or NONE; null in a customer's list, where it is not computed
 * @param version what a change must name to be accepted
 * @param sentiment triage's label of the first post
 * @param customerName the customer's display name (customer text); null in a customer's list, and once erased
 * @param customerHandle their handle on the ticket's channel (customer text); null in a customer's list
 * @param slaDueAt when the first running SLA clock runs out (in the past once breached); null when none
 *     runs (paused or stopped), and in a customer's list
 */
public record TicketSummary(UUID id, String reference, Channel channel, TicketStatus status, Priority priority,
                            String team, String assigneeId, UUID customerId, String summary, List<String> tags, String sla,
                            Instant createdAt, Instant updatedAt, long version, String language, Intent intent,
                            Sentiment.Label sentiment, Visibility visibility, String customerName, String customerHandle,
                            Instant slaDueAt) {

    public TicketSummary {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
