package io.switchboard.gateway.downstream;

import java.util.Set;

import io.switchboard.events.agent.Presence;

/**
 * An agent as routing-service lists them to supervisors ({@code GET /api/v1/agents}, its
 * {@code AgentView}; supervisors get their teams' agents, admins all). Skills, languages and
 * timestamps are left unread.
 *
 * @param id the agent's OIDC subject
 * @param load tickets held now; never more than {@code capacity}
 */
public record RoutingAgent(String id, String username, String displayName, Set<String> teams, boolean supervisor,
                           int capacity, int load, Presence presence) {

    public RoutingAgent {
        teams = teams == null ? Set.of() : Set.copyOf(teams);
    }
}
