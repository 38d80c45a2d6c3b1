package io.switchboard.gateway.downstream;

import java.time.Instant;
import java.util.Map;

/**
 * A queue as routing-service reports it to supervisors (GET /api/v1/queues).
 *
 * @param oldestQueuedAt when the longest-waiting ticket entered the queue; null when it is empty
 * @param slaAtRisk waiting tickets whose SLA breaches soon
 * @param priorityMix waiting tickets by priority name
 */
public record QueueStatus(String queueId, String name, String team, int depth, Instant oldestQueuedAt, int slaAtRisk,
                          Map<String, Integer> priorityMix) {
}
