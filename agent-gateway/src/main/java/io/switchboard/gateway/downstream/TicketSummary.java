package io.switchboard.gateway.downstream;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.switchboard.events.Channel;
import io.switchboard.events.ticket.Priority;
import io.switchboard.events.ticket.TicketStatus;

/**
 * A ticket as ticket-service lists it ({@code GET /api/v1/tickets}, and a customer's tickets). It
 * carries no language, intent, sentiment, customer name or SLA due time: those are only in
 * {@link TicketDetail}.
 *
 * @param summary built from triage's redacted text (customer text: render as text only)
 * @param sla ON_TRACK, AT_RISK, BREACHED or NONE; null in a customer's list, where it is not computed
 * @param version what a change must name to be accepted
 */
public record TicketSummary(UUID id, String reference, Channel channel, TicketStatus status, Priority priority,
                            String team, String assigneeId, UUID customerId, String summary, List<String> tags, String sla,
                            Instant createdAt, Instant updatedAt, long version) {

    public TicketSummary {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
