package io.switchboard.routing.assignment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.switchboard.routing.agent.Agent;
import io.switchboard.routing.queue.Queue;

/**
 * Matches waiting tickets to agents with free capacity, in queue order: each ticket, highest
 * effective priority and oldest first, gets the best agent who can take it; a ticket nobody free can
 * take is skipped (it keeps waiting) and the next one is tried. It stops when nobody is free.
 *
 * <p>Because a skipped ticket could only have been taken by agents who were free at that point, and
 * agents only lose capacity while planning, no skipped ticket is assignable at the end: after a plan,
 * no ticket of these queues waits while an eligible agent has free capacity.
 */
public final class DispatchPlanner {

    public record PlannedAssignment(WaitingTicket ticket, Queue queue, AgentSelector.Choice choice) {
    }

    /** @param stillFree the agents with capacity left, with their loads after the plan */
    public record Plan(List<PlannedAssignment> assignments, List<Agent> stillFree) {
    }

    private final AgentSelector selector;
    private final QueueOrder order;

    public DispatchPlanner(AgentSelector selector, QueueOrder order) {
        this.selector = selector;
        this.order = order;
    }

    public Plan plan(Collection<Agent> freeAgents, List<WaitingTicket> waiting, Map<String, Queue> queues, Instant now) {
        Map<String, Agent> free = new LinkedHashMap<>();
        freeAgents.stream().filter(Agent::hasFreeCapacity).forEach(a -> free.put(a.id(), a));
        List<PlannedAssignment> planned = new ArrayList<>();
        List<WaitingTicket> ordered = waiting.stream().sorted(order.at(now)).toList();
        for (WaitingTicket ticket : ordered) {
            if (free.isEmpty()) {
                break;
            }
            Queue queue = queues.get(ticket.queueId());
            if (queue == null) {
                continue;
            }
            Optional<AgentSelector.Choice> choice = selector.choose(free.values(), ticket, queue);
            if (choice.isEmpty()) {
                continue;
            }
            Agent taken = choice.get().agent();
            planned.add(new PlannedAssignment(ticket, queue, choice.get()));
            Agent after = taken.withOneMore(now);
            if (after.hasFreeCapacity()) {
                free.put(after.id(), after);
            } else {
                free.remove(after.id());
            }
        }
        return new Plan(List.copyOf(planned), List.copyOf(free.values()));
    }
}
