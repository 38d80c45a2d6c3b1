package io.switchboard.mention.channel.mastodon;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.switchboard.mention.channel.PlatformHttp;

/** The Mastodon REST calls Switchboard makes. */
public final class MastodonApi {

    private final PlatformHttp http;
    private final String token;

    public MastodonApi(String baseUrl, String token, Duration timeout) {
        this.http = new PlatformHttp("Mastodon", baseUrl, timeout);
        this.token = token;
    }

    /** Mention notifications just after {@code minId} (oldest first window), at most 40. */
    public JsonNode mentions(String minId) {
        return http.get("/api/v1/notifications?types[]=mention&limit=40"
                + (minId == null ? "" : "&min_id=" + URLEncoder.encode(minId, StandardCharsets.UTF_8)), auth());
    }

    /**
     * Posts a status. The Idempotency-Key (the reply id) is Mastodon's own guard: the same key
     * within an hour returns the status already made instead of posting again.
     */
    public JsonNode postStatus(Map<String, Object> status, String idempotencyKey) {
        return http.post("/api/v1/statuses", Map.of("Authorization", "Bearer " + token, "Idempotency-Key",
                idempotencyKey), status);
    }

    private Map<String, String> auth() {
        return Map.of("Authorization", "Bearer " + token);
    }
}
