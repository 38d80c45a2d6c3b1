package io.switchboard.bench.agents;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.switchboard.bench.http.JsonHttp;
import io.switchboard.platform.RealmTemplate;
import io.switchboard.platform.RunningPlatform;
import io.switchboard.platform.Secrets;

/**
 * The realm's side of the bench agents: creates them as real users (role {@code agent}, teams as
 * groups, a {@code languages} attribute) with Keycloak's admin API, and signs them in with the
 * password grant of the scripts' client, exactly as the demo users sign in from scripts.
 */
final class Keycloak {

    /** The realm's public client for scripts and tests (direct access grants). */
    static final String SCRIPT_CLIENT = "switchboard-cli";

    /** A signed-in user: the access token and what the bench needs from its claims. */
    record Token(String accessToken, String subject, Instant expiresAt) {

        boolean freshFor(long seconds) {
            return Instant.now().plusSeconds(seconds).isBefore(expiresAt);
        }
    }

    private final JsonHttp http;
    private final RunningPlatform platform;
    private final String realmAdmin;

    Keycloak(JsonHttp http, RunningPlatform platform) {
        this.http = http;
        this.platform = platform;
        this.realmAdmin = platform.keycloakUrl() + "/admin/realms/" + RealmTemplate.REALM;
    }

    /** Creates the user, or resets the password of an existing one; either way an agent of the given teams. */
    void ensureAgent(String username, String password, List<String> teamGroups, List<String> languages) {
        String admin = adminToken();
        Map<String, Object> user = Map.of(
                "username", username, "enabled", true, "emailVerified", true,
                "email", username + "@bench.switchboard.example", "firstName", "Bench", "lastName", username,
                "attributes", Map.of("languages", languages),
                "groups", teamGroups,
                "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false)));
        JsonHttp.Response created = http.send("POST", URI.create(realmAdmin + "/users"), admin, user);
        String id;
        if (created.status() == 409) {
            id = userId(admin, username);
            http.send("PUT", URI.create(realmAdmin + "/users/" + id + "/reset-password"), admin,
                    Map.of("type", "password", "value", password, "temporary", false)).require("reset the password of " + username);
        } else {
            created.require("create " + username);
            id = created.location().substring(created.location().lastIndexOf('/') + 1);
        }
        JsonNode agentRole = http.get(URI.create(realmAdmin + "/roles/agent"), admin).require("read the agent role");
        http.send("POST", URI.create(realmAdmin + "/users/" + id + "/role-mappings/realm"), admin, List.of(agentRole))
                .require("give " + username + " the agent role");
    }

    /** Signs a realm user in (password grant on the scripts' client). */
    Token signIn(String username, String password) {
        JsonHttp.Response response = http.postForm(URI.create(platform.tokenEndpoint()), Map.of(
                "grant_type", "password", "client_id", SCRIPT_CLIENT, "username", username, "password", password));
        JsonNode body = response.require("sign in " + username);
        String jwt = body.get("access_token").asText();
        return new Token(jwt, claims(jwt).get("sub").asText(), Instant.now().plusSeconds(body.get("expires_in").asLong()));
    }

    /** The realm's admin user (ada), whose token routing-service's admin API accepts. */
    Token signInAdmin() {
        return signIn("ada", platform.secrets().demoUserPassword());
    }

    private String adminToken() {
        JsonHttp.Response response = http.postForm(URI.create(platform.keycloakUrl() + "/realms/master/protocol/openid-connect/token"),
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", Secrets.KEYCLOAK_ADMIN_USER,
                        "password", platform.secrets().keycloakAdminPassword()));
        return response.require("Keycloak admin sign-in").get("access_token").asText();
    }

    private String userId(String admin, String username) {
        JsonNode users = http.get(URI.create(realmAdmin + "/users?exact=true&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8)), admin).require("find " + username);
        if (users.isEmpty()) {
            throw new IllegalStateException("Keycloak said " + username + " exists but does not list it");
        }
        return users.get(0).get("id").asText();
    }

    static JsonNode claims(String jwt) {
        try {
            return JsonHttp.JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable token", e);
        }
    }
}
