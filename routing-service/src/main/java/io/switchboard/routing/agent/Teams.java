package io.switchboard.routing.agent;

import java.util.Set;
import java.util.TreeSet;

/**
 * Who belongs to a team. Teams come from the identity provider, with one addition: every supervisor
 * belongs to the escalation team, whose queue takes SLA breaches and high-reach complaints.
 */
public final class Teams {

    private final String escalationTeam;

    public Teams(String escalationTeam) {
        this.escalationTeam = escalationTeam;
    }

    public String escalationTeam() {
        return escalationTeam;
    }

    public boolean isMember(Agent agent, String team) {
        return agent.teams().contains(team) || (agent.supervisor() && escalationTeam.equals(team));
    }

    /** Every team the agent serves; a change to the agent concerns all of them. */
    public Set<String> of(Agent agent) {
        if (agent == null) {
            return Set.of();
        }
        Set<String> teams = new TreeSet<>(agent.teams());
        if (agent.supervisor()) {
            teams.add(escalationTeam);
        }
        return teams;
    }
}
