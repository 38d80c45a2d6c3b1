package io.switchboard.routing.queue;

import java.util.List;
import java.util.Map;

import io.switchboard.events.agent.Presence;
import io.switchboard.events.ticket.Priority;

/**
 * A queue as a supervisor watches it.
 *
 * @param depth tickets waiting
 * @param oldestWaitSeconds how long the longest-waiting ticket has waited; null when none waits
 * @param waitingByPriority the priority mix of the waiting tickets
 * @param agents the team's agents who are not offline, with their load
 */
public record QueueStatus(
        String id,
        String name,
        String team,
        List<String> requiredSkills,
        int depth,
        Long oldestWaitSeconds,
        Map<Priority, Integer> waitingByPriority,
        int agentsOnline,
        List<AgentLoad> agents) {

    public record AgentLoad(String id, String displayName, Presence presence, int load, int capacity) {
    }
}
