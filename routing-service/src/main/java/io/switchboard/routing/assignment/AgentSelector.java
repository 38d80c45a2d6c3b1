package io.switchboard.routing.assignment;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

import io.switchboard.events.routing.AssignmentDecided;
import io.switchboard.routing.agent.Agent;
import io.switchboard.routing.queue.Queue;

/**
 * Picks the agent for one ticket among those who can take it: the ticket's previous agent when
 * eligible (a returning customer, or a ticket coming back), else the least loaded, then the one idle
 * the longest (never assigned counts as idle the longest), then by id so the choice is deterministic.
 */
public final class AgentSelector {

    /** The pick and why, as AssignmentDecided will say it. */
    public record Choice(Agent agent, AssignmentDecided.Reason reason, String previousAgentId) {
    }

    static final Comparator<Agent> LEAST_LOADED_THEN_LONGEST_IDLE = Comparator
            .comparingInt(Agent::load)
            .thenComparing(Agent::lastAssignedAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .thenComparing(Agent::id);

    private final Eligibility eligibility;

    public AgentSelector(Eligibility eligibility) {
        this.eligibility = eligibility;
    }

    public Optional<Choice> choose(Collection<Agent> agents, WaitingTicket ticket, Queue queue) {
        String sticky = ticket.stickyAgentId();
        Agent stickyAgent = null;
        Agent best = null;
        for (Agent agent : agents) {
            if (!eligibility.canTake(agent, queue, ticket.language())) {
                continue;
            }
            if (agent.id().equals(sticky)) {
                stickyAgent = agent;
            }
            if (best == null || LEAST_LOADED_THEN_LONGEST_IDLE.compare(agent, best) < 0) {
                best = agent;
            }
        }
        Agent chosen = stickyAgent != null ? stickyAgent : best;
        if (chosen == null) {
            return Optional.empty();
        }
        return Optional.of(new Choice(chosen, reason(ticket, stickyAgent != null), previousAgent(ticket, stickyAgent != null)));
    }

    private static AssignmentDecided.Reason reason(WaitingTicket ticket, boolean sticky) {
        if (ticket.escalated()) {
            return AssignmentDecided.Reason.ESCALATION;
        }
        if (ticket.overflowed()) {
            return AssignmentDecided.Reason.OVERFLOW;
        }
        return sticky ? AssignmentDecided.Reason.STICKY : AssignmentDecided.Reason.BEST_FIT;
    }

    private static String previousAgent(WaitingTicket ticket, boolean sticky) {
        if (sticky) {
            return ticket.stickyAgentId();
        }
        return ticket.escalated() ? ticket.lastAgentId() : null;
    }
}
