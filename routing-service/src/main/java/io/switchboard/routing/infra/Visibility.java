package io.switchboard.routing.infra;

import java.util.Set;
import java.util.TreeSet;

import io.switchboard.kit.security.Caller;
import io.switchboard.kit.security.Roles;
import io.switchboard.routing.agent.Teams;

/** What a caller may see and move: admins everything, supervisors their teams (and the escalation queue). */
public final class Visibility {

    private Visibility() {
    }

    /** The caller's teams, or null for an admin (every team). */
    public static Set<String> teamsOf(Caller caller, Teams teams) {
        if (caller.roles().contains(Roles.ADMIN)) {
            return null;
        }
        Set<String> visible = new TreeSet<>(caller.teams());
        if (caller.roles().contains(Roles.SUPERVISOR)) {
            visible.add(teams.escalationTeam());
        }
        return visible;
    }
}
