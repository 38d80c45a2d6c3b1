package io.switchboard.gateway.downstream;

/** Move a ticket to an agent or to a queue ({@code POST /api/v1/tickets/{id}/transfer}): exactly one of the two. */
public record TransferRequest(String agentId, String queueId) {
}
