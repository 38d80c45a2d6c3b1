package io.switchboard.ticket.ticket.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

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
        @Schema(description = "Triage's language tag of the first message; null if it had none.")
        String language,
        @Schema(description = "Triage's intent of the first message.")
        Intent intent,
        @Schema(description = "Triage's sentiment label of the first message (POSITIVE, NEUTRAL, NEGATIVE, MIXED); null if none.")
        String sentiment,
        @Schema(description = "Whether the conversation is public or private.")
        Visibility visibility,
        @Schema(description = "The customer's display name; null once erased, and in a customer's own list.")
        String customerName,
        @Schema(description = "The customer's handle on the ticket's channel (their first identity there); null in a customer's own list.")
        String customerHandle,
        @Schema(description = "When the earliest running SLA clock runs out (in the past once breached); null when none runs"
                + " (none live, or paused pending the customer), and in a customer's own list.")
        Instant slaDueAt) {
}
