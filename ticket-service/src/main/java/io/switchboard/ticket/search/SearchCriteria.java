package io.switchboard.ticket.search;

import java.util.List;
import java.util.UUID;

import io.switchboard.events.Channel;
import io.switchboard.events.ticket.Priority;
import io.switchboard.events.ticket.TicketStatus;

/**
 * What a ticket search asks for; every criterion is optional and they all must hold.
 *
 * @param assignee an agent id, {@code me} or {@code none}
 * @param sla ON_TRACK, AT_RISK, BREACHED or NONE
 * @param text free text, matched case-insensitively against messages, summaries and references
 */
public record SearchCriteria(
        List<TicketStatus> statuses,
        String assignee,
        String team,
        Channel channel,
        List<Priority> priorities,
        String sla,
        String tag,
        String text,
        UUID customerId,
        Cursor after,
        int limit) {
}
