package io.switchboard.gateway.downstream;

import io.switchboard.events.ticket.TicketStatus;

/**
 * A status change ({@code PUT /api/v1/tickets/{id}/status}).
 *
 * @param reason free text for the ticket's timeline; optional
 * @param version the version the agent saw (null: no check); another one is refused with 409 stale-version
 */
public record StatusChange(TicketStatus status, String reason, Long version) {
}
