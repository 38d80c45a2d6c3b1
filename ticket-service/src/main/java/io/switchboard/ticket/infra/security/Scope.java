package io.switchboard.ticket.infra.security;

import java.util.Set;

import io.switchboard.events.Actor;
import io.switchboard.kit.security.Roles;

/**
 * What a caller may see: admins every ticket, agents and supervisors the tickets of their teams
 * (for supervisors, {@link Callers} adds the escalation team). A ticket outside the scope does not
 * exist for the caller (404, never 403), so its existence does not leak across teams.
 *
 * @param displayName the name the caller's messages are signed with: the token's name, else the username
 */
public record Scope(String subject, String username, Set<String> roles, Set<String> teams, String displayName) {

    public Scope(String subject, String username, Set<String> roles, Set<String> teams) {
        this(subject, username, roles, teams, username);
    }

    public boolean everything() {
        return roles.contains(Roles.ADMIN);
    }

    public boolean sees(String team) {
        return everything() || (team != null && teams.contains(team));
    }

    /** The caller as the author of a change. */
    public Actor actor() {
        return Actor.agent(subject);
    }
}
