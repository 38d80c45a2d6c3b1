package io.switchboard.gateway.testing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.switchboard.platform.testing.KeycloakTokens;

/** The demo users' OIDC subjects (their agent ids), read from their real tokens. */
public final class DemoAgents {

    private static final Map<String, String> SUBJECTS = new ConcurrentHashMap<>();

    private DemoAgents() {
    }

    public static String subject(String username) {
        return SUBJECTS.computeIfAbsent(username, u -> String.valueOf(KeycloakTokens.claims(KeycloakTokens.accessToken(u)).get("sub")));
    }

    public static String token(String username) {
        return KeycloakTokens.accessToken(username);
    }
}
