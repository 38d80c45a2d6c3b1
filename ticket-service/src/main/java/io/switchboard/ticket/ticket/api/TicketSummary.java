package io.switchboard.ticket.ticket.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.switchboard.events.Channel;
import io.switchboard.events.Visibility;
import io.switchboard.events.mention.Intent;
import io.switchboard.events.ticket.Priority;
import io.switchboard.events.ticket.TicketStatus;

/**
 * A ticket as lists show it. {@code summary} is built from triage's redacted text, so a list
 * never shows raw personal data; {@code version} is what a change must name to be accepted.
 *
 * @param sla ON_TRACK, AT_RISK (a clock warned), BREACHED (a running clock ran out) or NONE (no live
 *     clock); null where it is not computed (the customer view)
 * @param language triage's language tag of the first message, if it had one
 * @param sentiment triage's sentiment label (POSITIVE, NEUTRAL, NEGATIVE), if any
 * @param customerName the customer's display name (null once erased)
 * @param customerHandle the customer's handle on the ticket's channel (their first identity there)
 * @param slaDueAt when the earliest running SLA clock runs out; null if none runs (none live, or paused)
 */
public record TicketSummary(
        UUID id,
        String reference,
        Channel channel,
        TicketStatus status,
        Priority priority,
        String team,
        String assigneeId,
        UUID customerId,
        String summary,
        List<String> tags,
        String sla,
        Instant createdAt,
        Instant updatedAt,
        long version,
        String language,
        Intent intent,
        String sentiment,
        Visibility visibility,
        String customerName,
        String customerHandle,
        Instant slaDueAt) {
}
