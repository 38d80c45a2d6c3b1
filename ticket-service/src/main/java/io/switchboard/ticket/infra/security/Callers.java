package io.switchboard.ticket.infra.security;

import java.util.Set;
import java.util.TreeSet;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import io.switchboard.kit.security.Caller;
import io.switchboard.kit.security.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/** The current request's caller, from the validated bearer token. */
@RequestScoped
public class Callers {

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    /**
     * The team routing-service escalates tickets to (its {@code routing.escalation.team}). Supervisors
     * are not members of it in Keycloak, but routing counts every supervisor in it, so they see its tickets.
     */
    @ConfigProperty(name = "switchboard.access.escalation-team", defaultValue = "supervisors")
    String escalationTeam;

    public Scope scope() {
        Caller caller = Caller.from(token, identity.getRoles());
        Set<String> teams = new TreeSet<>(caller.teams());
        if (caller.roles().contains(Roles.SUPERVISOR)) {
            teams.add(escalationTeam);
        }
        return new Scope(caller.subject(), caller.username(), caller.roles(), teams,
                DisplayNames.of(token, caller.username()));
    }
}
