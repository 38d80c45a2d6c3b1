package io.switchboard.mention.channel.bluesky;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import io.switchboard.mention.channel.PlatformCallException;
import io.switchboard.mention.channel.PlatformHttp;

/**
 * The atproto XRPC calls Switchboard makes, with a session from the app password: created on first
 * use and once more when the PDS refuses an expired access token.
 */
public final class BlueskyApi {

    private final PlatformHttp http;
    private final String identifier;
    private final String appPassword;
    private volatile String accessJwt;
    private volatile String did;

    public BlueskyApi(String baseUrl, String identifier, String appPassword, Duration timeout) {
        this.http = new PlatformHttp("Bluesky", baseUrl, timeout);
        this.identifier = identifier;
        this.appPassword = appPassword;
    }

    public JsonNode notifications(String cursor) {
        return authed(() -> http.get("/xrpc/app.bsky.notification.listNotifications?limit=50"
                + (cursor == null ? "" : "&cursor=" + encode(cursor)), auth()));
    }

    public JsonNode posts(String uri) {
        return authed(() -> http.get("/xrpc/app.bsky.feed.getPosts?uris=" + encode(uri), auth()));
    }

    public JsonNode createPost(String rkey, Map<String, Object> record) {
        return authed(() -> http.post("/xrpc/com.atproto.repo.createRecord", auth(),
                Map.of("repo", did(), "collection", "app.bsky.feed.post", "rkey", rkey, "record", record)));
    }

    public JsonNode getPost(String rkey) {
        return authed(() -> http.get("/xrpc/com.atproto.repo.getRecord?repo=" + encode(did())
                + "&collection=app.bsky.feed.post&rkey=" + encode(rkey), auth()));
    }

    public String did() {
        if (did == null) {
            login();
        }
        return did;
    }

    private JsonNode authed(Supplier<JsonNode> call) {
        if (accessJwt == null) {
            login();
        }
        try {
            return call.get();
        } catch (PlatformCallException e) {
            if (e.kind() != PlatformCallException.Kind.NOT_AUTHORIZED && e.status() != 400) {
                throw e;
            }
            login(); // ExpiredToken: one new session, then the same call once more
            return call.get();
        }
    }

    private void login() {
        JsonNode session = http.post("/xrpc/com.atproto.server.createSession", Map.of(),
                Map.of("identifier", identifier, "password", appPassword));
        accessJwt = session.path("accessJwt").asText(null);
        did = session.path("did").asText(null);
        if (accessJwt == null || did == null) {
            throw new PlatformCallException(PlatformCallException.Kind.GARBAGE, 200, "Bluesky session without a token");
        }
    }

    private Map<String, String> auth() {
        return Map.of("Authorization", "Bearer " + accessJwt);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
