package io.switchboard.ticket.infra.security;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.switchboard.ticket.thread.MentionLimits;
import jakarta.json.JsonString;

/** The caller's name as customers and colleagues should read it under a reply or note. */
final class DisplayNames {

    private DisplayNames() {
    }

    /** given_name and family_name, else the {@code name} claim, else the username; as long as a stored name may be. */
    static String of(JsonWebToken token, String username) {
        String name = fromClaims(token, username);
        return name == null ? null : MentionLimits.shorten(name, MentionLimits.NAME);
    }

    private static String fromClaims(JsonWebToken token, String username) {
        String given = claim(token, "given_name");
        String family = claim(token, "family_name");
        if (given != null || family != null) {
            return given == null ? family : family == null ? given : given + " " + family;
        }
        String name = claim(token, "name");
        return name != null ? name : username;
    }

    private static String claim(JsonWebToken token, String name) {
        Object value = token.getClaim(name);
        String text = value instanceof JsonString json ? json.getString() : value == null ? null : value.toString();
        text = text == null ? null : text.strip();
        return text == null || text.isEmpty() ? null : text;
    }
}
