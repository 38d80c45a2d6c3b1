package io.switchboard.gateway.downstream;

import java.util.UUID;

/**
 * Where a ticket is after a transfer, as routing-service answers it: with an agent or waiting in a queue.
 *
 * @param status ASSIGNED, WAITING or CLOSED
 * @param agentId null while it waits
 */
public record TicketPlace(UUID ticketId, String status, String queueId, String agentId) {
}
