package io.switchboard.gateway.downstream;

/** Move a ticket to an agent or to a queue (exactly one of the two is set). */
public record TransferRequest(String agentId, String queueId) {
}
