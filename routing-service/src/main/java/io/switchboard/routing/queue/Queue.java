package io.switchboard.routing.queue;

import java.time.Duration;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * A team's queue. Agents serving it must be in {@code team} and have every required skill.
 *
 * @param teamDefault the queue a ticket hinted for this team goes to
 * @param overflowQueueId where a ticket moves after waiting {@code overflowAfter}; null for none
 */
public record Queue(
        String id,
        String name,
        String team,
        Set<String> requiredSkills,
        boolean teamDefault,
        String overflowQueueId,
        Duration overflowAfter) {

    public Queue {
        requiredSkills = Collections.unmodifiableSortedSet(new TreeSet<>(requiredSkills));
    }
}
