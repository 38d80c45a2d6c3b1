package io.switchboard.routing.assignment;

import io.switchboard.routing.agent.Agent;
import io.switchboard.routing.agent.Teams;
import io.switchboard.routing.queue.Queue;

/**
 * Who may take a ticket: an agent who is online, in the queue's team, has every skill the queue
 * requires, speaks the ticket's language (any agent when it is unknown), and has free capacity.
 */
public final class Eligibility {

    private final Teams teams;

    public Eligibility(Teams teams) {
        this.teams = teams;
    }

    public boolean canTake(Agent agent, Queue queue, String language) {
        return agent.online() && agent.hasFreeCapacity() && qualifies(agent, queue, language);
    }

    /** Team, skills and language, whatever the agent's presence and load. */
    public boolean qualifies(Agent agent, Queue queue, String language) {
        return teams.isMember(agent, queue.team())
                && agent.skills().containsAll(queue.requiredSkills())
                && (language == null || agent.languages().contains(language));
    }

    public Teams teams() {
        return teams;
    }
}
