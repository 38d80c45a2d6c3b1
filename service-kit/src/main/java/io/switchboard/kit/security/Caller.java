package io.switchboard.kit.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, as the service sees it from the validated access token: the OIDC subject (the
 * agent id everywhere in Switchboard), roles, and teams (the token's groups claim).
 */
public record Caller(String subject, String username, Set<String> roles, Set<String> teams) {

    public static Caller from(JsonWebToken token, Set<String> roles) {
        return new Caller(token.getSubject(), token.getClaim("preferred_username"),
                new TreeSet<>(roles), teamsOf(token));
    }

    private static Set<String> teamsOf(JsonWebToken token) {
        Set<String> teams = new TreeSet<>();
        Object groups = token.getClaim("groups");
        if (groups instanceof Collection<?> values) {
            // Full group paths ("/teams/customer-care") and plain names both name a team by its last segment.
            values.forEach(value -> teams.add(lastSegment(String.valueOf(value).replace("\"", ""))));
        }
        return teams;
    }

    private static String lastSegment(String path) {
        List<String> parts = List.of(path.split("/"));
        return parts.get(parts.size() - 1);
    }
}
