package io.switchboard.gateway.downstream;

import io.switchboard.events.ticket.TicketStatus;

/** A status change; {@code version} is the ticket version the agent saw (null: no check). */
public record StatusChange(TicketStatus status, Long version) {
}
