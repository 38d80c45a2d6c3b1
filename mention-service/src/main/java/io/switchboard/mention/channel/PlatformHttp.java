package io.switchboard.mention.channel;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.switchboard.mention.channel.PlatformCallException.Kind;

/**
 * JSON over HTTP to a social platform (Mastodon, Bluesky), blocking, with failures mapped to
 * {@link PlatformCallException}: 429 with the reset time from whichever rate-limit header the
 * platform sends, 5xx unavailable, 401/403 not authorized, 404 not found, other 4xx rejected,
 * anything unreadable garbage.
 */
public final class PlatformHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> RESET_HEADERS = List.of("x-ratelimit-reset", "ratelimit-reset", "x-rate-limit-reset");

    private final String platform;
    private final String baseUrl;
    private final HttpClient http;
    private final Duration timeout;

    public PlatformHttp(String platform, String baseUrl, Duration timeout) {
        this.platform = platform;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public JsonNode get(String pathAndQuery, Map<String, String> headers) {
        return call("GET", pathAndQuery, headers, null);
    }

    public JsonNode post(String path, Map<String, String> headers, Object body) {
        return call("POST", path, headers, body);
    }

    private JsonNode call(String method, String path, Map<String, String> headers, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout);
        headers.forEach(request::header);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            try {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("request body cannot be written as JSON", e);
            }
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new PlatformCallException(Kind.NETWORK, 0, platform + " unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformCallException(Kind.NETWORK, 0, "interrupted");
        }
        int status = response.statusCode();
        if (status == 429) {
            throw new PlatformCallException(Kind.RATE_LIMITED, status, platform + " rate limit reached",
                    resetAt(response.headers().map()));
        }
        if (status >= 500) {
            throw new PlatformCallException(Kind.UNAVAILABLE, status, platform + " unavailable (HTTP " + status + ")");
        }
        if (status == 401 || status == 403) {
            throw new PlatformCallException(Kind.NOT_AUTHORIZED, status, platform + " refused our credentials (HTTP "
                    + status + ")" + errorOf(response.body()));
        }
        if (status == 404) {
            throw new PlatformCallException(Kind.NOT_FOUND, status, platform + ": not found");
        }
        if (status < 200 || status >= 300) {
            throw new PlatformCallException(Kind.REJECTED, status, platform + " rejected the request (HTTP " + status
                    + ")" + errorOf(response.body()));
        }
        try {
            JsonNode node = JSON.readTree(response.body());
            if (node == null || !(node.isObject() || node.isArray())) {
                throw new PlatformCallException(Kind.GARBAGE, status, platform + " answered with no JSON");
            }
            return node;
        } catch (IOException e) {
            throw new PlatformCallException(Kind.GARBAGE, status, platform + " answered with invalid JSON");
        }
    }

    /** The platform's own short error text (Mastodon "error", atproto "message"), never the raw body. */
    private static String errorOf(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            String text = node.path("error").isTextual() ? node.path("error").asText() : node.path("message").asText("");
            text = text.replaceAll("[\\r\\n]", " ");
            return text.isEmpty() ? "" : ": " + (text.length() > 160 ? text.substring(0, 160) + "…" : text);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** Epoch seconds (X, Bluesky) or an ISO-8601 instant (Mastodon). */
    static Instant resetAt(Map<String, List<String>> headers) {
        for (Map.Entry<String, List<String>> h : headers.entrySet()) {
            if (h.getKey() == null || !RESET_HEADERS.contains(h.getKey().toLowerCase()) || h.getValue().isEmpty()) {
                continue;
            }
            String value = h.getValue().get(0).trim();
            try {
                return value.matches("[0-9]{1,12}") ? Instant.ofEpochSecond(Long.parseLong(value)) : Instant.parse(value);
            } catch (DateTimeParseException | NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
