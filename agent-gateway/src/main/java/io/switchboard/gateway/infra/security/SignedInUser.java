package io.switchboard.gateway.infra.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import io.switchboard.kit.security.Roles;

/**
 * Who is signed in, from the validated token (the ID token of a browser session, or the bearer
 * access token): the OIDC subject is the agent id everywhere in Switchboard, teams are the
 * {@code groups} claim and roles the realm roles.
 */
public record SignedInUser(String subject, String username, String displayName, Set<String> roles,
                           Set<String> teams, List<String> languages) {

    public static SignedInUser of(SecurityIdentity identity) {
        if (!(identity.getPrincipal() instanceof JsonWebToken token)) {
            throw new IllegalStateException("the identity is not an OIDC token");
        }
        String username = token.getClaim("preferred_username");
        String name = token.getClaim("name");
        return new SignedInUser(token.getSubject(), username, name == null || name.isBlank() ? username : name,
                new TreeSet<>(identity.getRoles()), lastSegments(token.getClaim("groups")),
                List.copyOf(strings(token.getClaim("languages"))));
    }

    public boolean isAgent() {
        return roles.contains(Roles.AGENT);
    }

    public boolean isSupervisor() {
        return roles.contains(Roles.SUPERVISOR);
    }

    public boolean isAdmin() {
        return roles.contains(Roles.ADMIN);
    }

    /** Supervisors run their own teams' floor; admins every team's. */
    public boolean supervises(String team) {
        return isAdmin() || (isSupervisor() && team != null && teams.contains(team));
    }

    private static Set<String> lastSegments(Object claim) {
        Set<String> teams = new TreeSet<>();
        for (String group : strings(claim)) {
            // Full group paths ("/teams/customer-care") and plain names both name a team by the last segment.
            teams.add(group.substring(group.lastIndexOf('/') + 1));
        }
        return teams;
    }

    private static List<String> strings(Object claim) {
        List<String> values = new ArrayList<>();
        if (claim instanceof Collection<?> collection) {
            collection.forEach(value -> values.add(unquoted(String.valueOf(value))));
        } else if (claim != null) {
            values.add(unquoted(String.valueOf(claim)));
        }
        return values;
    }

    private static String unquoted(String value) {
        // JSON-P string values print with their quotes.
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }
}
