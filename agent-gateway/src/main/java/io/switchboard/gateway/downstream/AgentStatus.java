package io.switchboard.gateway.downstream;

import java.util.List;

import io.switchboard.events.agent.Presence;

/** An agent as routing-service reports them (GET /api/v1/agents, GET /api/v1/agents/me). */
public record AgentStatus(String agentId, String displayName, List<String> teams, Presence presence, int load,
                          int capacity) {

    public AgentStatus {
        teams = teams == null ? List.of() : List.copyOf(teams);
    }
}
