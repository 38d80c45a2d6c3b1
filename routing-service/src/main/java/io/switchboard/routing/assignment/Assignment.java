package io.switchboard.routing.assignment;

import java.time.Instant;
import java.util.UUID;

/** A ticket held by an agent; {@code answeredAt} is null until the agent first replied. */
public record Assignment(
        long id,
        UUID ticketId,
        String agentId,
        String queueId,
        String team,
        String reason,
        Instant assignedAt,
        Instant answeredAt) {
}
