package io.switchboard.gateway.downstream;

import io.switchboard.events.Visibility;
import io.switchboard.events.ticket.TicketStatus;

/**
 * An agent's reply as ticket-service takes it ({@code POST /api/v1/tickets/{id}/replies}). It checks
 * the channel's limit and personal data itself and refuses with 422.
 *
 * @param visibility null: the ticket's own visibility
 * @param status where the ticket goes after the reply; null: NEW and REOPENED become OPEN
 * @param version the version the agent saw; null: no check
 */
public record ReplyRequest(String text, Visibility visibility, TicketStatus status, Long version) {
}
