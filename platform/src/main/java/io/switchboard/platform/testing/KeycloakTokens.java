package io.switchboard.platform.testing;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.platform.RunningPlatform;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Real access tokens from the platform's Keycloak, by password grant on the public
 * {@code switchboard-cli} client (meant for scripts and tests). Tokens carry {@code realm_access.roles},
 * {@code groups} (teams), {@code languages} and an {@code aud} naming every service.
 *
 * <pre>given().auth().oauth2(KeycloakTokens.accessToken("ava")).get("/tickets")</pre>
 */
public final class KeycloakTokens {

    public static final String CLIENT_ID = "switchboard-cli";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Map<String, KeycloakTokens> BY_REALM = new ConcurrentHashMap<>();

    private record Cached(String token, Instant expires) {
    }

    private final RunningPlatform platform;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private KeycloakTokens(RunningPlatform platform) {
        this.platform = platform;
    }

    public static KeycloakTokens forPlatform(RunningPlatform platform) {
        return BY_REALM.computeIfAbsent(platform.realmUrl() + "|" + platform.secrets().demoUserPassword(),
                key -> new KeycloakTokens(platform));
    }

    /** An access token of a demo user (see {@link DemoUsers}) from the test platform. */
    public static String accessToken(String username) {
        return forPlatform(TestPlatform.get()).token(username);
    }

    /** An access token of a demo user; reused while it has more than 30 s to live. */
    public String token(String username) {
        Cached cached = cache.get(username);
        if (cached != null && cached.expires().isAfter(Instant.now().plusSeconds(30))) {
            return cached.token();
        }
        JsonNode response = tokenResponse(username, platform.secrets().demoUserPassword());
        String token = response.get("access_token").asText();
        cache.put(username, new Cached(token, Instant.now().plusSeconds(response.path("expires_in").asLong(60))));
        return token;
    }

    /** The whole token response (access_token, refresh_token, id_token, expires_in ...) for any user and password. */
    public JsonNode tokenResponse(String username, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", CLIENT_ID);
        form.put("username", username);
        form.put("password", password);
        form.put("scope", "openid");
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(platform.tokenEndpoint()))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token for '" + username + "' (HTTP " + response.statusCode() + "): " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach Keycloak at " + platform.tokenEndpoint() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The claims of a JWT (not verified: for assertions in tests). */
    public static Map<String, Object> claims(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("not a JWT");
        }
        try {
            return JSON.readValue(Base64.getUrlDecoder().decode(parts[1]), new TypeReference<>() {
            });
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JWT: " + e.getMessage(), e);
        }
    }
}
