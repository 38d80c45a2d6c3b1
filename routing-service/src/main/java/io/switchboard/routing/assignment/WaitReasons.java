package io.switchboard.routing.assignment;

import java.util.Collection;

import io.switchboard.events.routing.TicketQueued;
import io.switchboard.routing.agent.Agent;
import io.switchboard.routing.queue.Queue;

/** Why a ticket waits, for TicketQueued: nobody is online, everyone who could is busy, or nobody fits. */
public final class WaitReasons {

    private final Eligibility eligibility;

    public WaitReasons(Eligibility eligibility) {
        this.eligibility = eligibility;
    }

    /** @param teamAgents the agents of the queue's team, whatever their presence */
    public TicketQueued.Reason why(Collection<Agent> teamAgents, Queue queue, String language) {
        boolean anyOnline = false;
        for (Agent agent : teamAgents) {
            if (!agent.online() || !eligibility.teams().isMember(agent, queue.team())) {
                continue;
            }
            anyOnline = true;
            if (eligibility.qualifies(agent, queue, language)) {
                return TicketQueued.Reason.ALL_AGENTS_AT_CAPACITY;
            }
        }
        return anyOnline ? TicketQueued.Reason.NO_MATCHING_SKILL : TicketQueued.Reason.NO_AGENT_ONLINE;
    }
}
