package io.switchboard.gateway.downstream;

import java.util.List;
import java.util.Map;

import io.switchboard.events.ticket.Priority;

/**
 * A queue as routing-service reports it to supervisors ({@code GET /api/v1/queues}; supervisors get
 * their teams' queues and the escalation queue, admins all).
 *
 * @param depth tickets waiting
 * @param oldestWaitSeconds how long the longest-waiting ticket has waited; null when none waits
 * @param waitingByPriority the priority mix of the waiting tickets
 * @param agentsOnline the team's agents who are not offline
 */
public record QueueStatus(String id, String name, String team, List<String> requiredSkills, int depth,
                          Long oldestWaitSeconds, Map<Priority, Integer> waitingByPriority, int agentsOnline) {

    public QueueStatus {
        requiredSkills = requiredSkills == null ? List.of() : List.copyOf(requiredSkills);
        waitingByPriority = waitingByPriority == null ? Map.of() : Map.copyOf(waitingByPriority);
    }
}
