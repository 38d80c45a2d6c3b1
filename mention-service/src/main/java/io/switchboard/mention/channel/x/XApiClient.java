package io.switchboard.mention.channel.x;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.StringJoiner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.switchboard.mention.channel.PlatformCallException;
import io.switchboard.mention.channel.PlatformCallException.Kind;

/**
 * The calls Switchboard makes to the X API v2, over the JDK HTTP client (blocking: connectors run
 * on their own threads). Maps every failure to a {@link PlatformCallException}: 429 with the
 * {@code x-rate-limit-reset} time, 5xx as unavailable, 401/403 as not authorized, other 4xx as
 * rejected, and a body that is not the JSON we expect as garbage.
 */
public class XApiClient {

    static final String TWEET_FIELDS = "tweet.fields=id,text,author_id,conversation_id,created_at,lang,"
            + "referenced_tweets,entities,attachments,note_tweet,in_reply_to_user_id";
    static final String EXPANSIONS = "expansions=author_id,attachments.media_keys,referenced_tweets.id";
    static final String USER_FIELDS = "user.fields=id,name,username,verified,public_metrics";
    static final String MEDIA_FIELDS = "media.fields=media_key,type,url,preview_image_url,alt_text";
    static final String FIELDS = TWEET_FIELDS + "&" + EXPANSIONS + "&" + USER_FIELDS + "&" + MEDIA_FIELDS;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final HttpClient http;
    private final Duration timeout;

    public XApiClient(String baseUrl, Duration timeout) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** One page of the user's mentions, newest first. */
    public JsonNode mentions(String token, String userId, String sinceId, String untilId, String paginationToken) {
        StringJoiner query = new StringJoiner("&", "?", "").add("max_results=100").add(FIELDS);
        if (sinceId != null) {
            query.add("since_id=" + encode(sinceId));
        }
        if (untilId != null) {
            query.add("until_id=" + encode(untilId));
        }
        if (paginationToken != null) {
            query.add("pagination_token=" + encode(paginationToken));
        }
        return get(token, "/2/users/" + encode(userId) + "/mentions" + query);
    }

    /** The user's own recent posts: how an in-doubt reply is looked for before posting it again. */
    public JsonNode userTweets(String token, String userId) {
        return get(token, "/2/users/" + encode(userId) + "/tweets?max_results=100&tweet.fields=id,text,"
                + "referenced_tweets,created_at");
    }

    public JsonNode dmEvents(String token, String participantId) {
        return get(token, "/2/dm_conversations/with/" + encode(participantId)
                + "/dm_events?max_results=100&dm_event.fields=id,text,sender_id,created_at");
    }

    public JsonNode streamRules(String token) {
        return get(token, "/2/tweets/search/stream/rules");
    }

    public JsonNode updateStreamRules(String token, Object body) {
        return send(token, "POST", "/2/tweets/search/stream/rules", body);
    }

    public JsonNode createPost(String token, Object body) {
        return send(token, "POST", "/2/tweets", body);
    }

    public JsonNode sendDirectMessage(String token, String participantId, Object body) {
        return send(token, "POST", "/2/dm_conversations/with/" + encode(participantId) + "/messages", body);
    }

    /**
     * Opens the filtered stream; the caller reads it line by line and closes it.
     *
     * @param backfillMinutes minutes of posts to re-deliver from before now (0: none)
     */
    public InputStream openStream(String token, int backfillMinutes) {
        String path = "/2/tweets/search/stream?" + FIELDS + (backfillMinutes > 0 ? "&backfill_minutes=" + backfillMinutes : "");
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + token)
                .GET().build(); // no request timeout: the stream is meant to stay open; keep-alives are watched
        HttpResponse<InputStream> response = exchange(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            try (InputStream body = response.body()) {
                byte[] bytes = body.readNBytes(8192);
                throw failure(response.statusCode(), response.headers().map(), bytes);
            } catch (IOException e) {
                throw new PlatformCallException(Kind.NETWORK, response.statusCode(), "stream refused and unreadable");
            }
        }
        return response.body();
    }

    private JsonNode get(String token, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout)
                .header("Authorization", "Bearer " + token).GET().build();
        return read(exchange(request, HttpResponse.BodyHandlers.ofByteArray()));
    }

    private JsonNode send(String token, String method, String path, Object body) {
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("request body cannot be written as JSON", e);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout)
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(json)).build();
        return read(exchange(request, HttpResponse.BodyHandlers.ofByteArray()));
    }

    private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new PlatformCallException(Kind.NETWORK, 0, "X API unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformCallException(Kind.NETWORK, 0, "interrupted");
        }
    }

    private static JsonNode read(HttpResponse<byte[]> response) {
        int status = response.statusCode();
        if (status < 200 || status >= 300) {
            throw failure(status, response.headers().map(), response.body());
        }
        try {
            JsonNode node = JSON.readTree(response.body());
            if (node == null || !node.isObject()) {
                throw new PlatformCallException(Kind.GARBAGE, status, "X API answered with no JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new PlatformCallException(Kind.GARBAGE, status, "X API answered with invalid JSON");
        }
    }

    static PlatformCallException failure(int status, Map<String, java.util.List<String>> headers, byte[] body) {
        if (status == 429) {
            return new PlatformCallException(Kind.RATE_LIMITED, status, "X API rate limit reached", resetAt(headers));
        }
        if (status >= 500) {
            return new PlatformCallException(Kind.UNAVAILABLE, status, "X API unavailable (HTTP " + status + ")");
        }
        if (status == 401 || status == 403) {
            return new PlatformCallException(Kind.NOT_AUTHORIZED, status, "X API refused our credentials (HTTP "
                    + status + ")" + titleOf(body));
        }
        if (status == 404) {
            return new PlatformCallException(Kind.NOT_FOUND, status, "X API: not found" + titleOf(body));
        }
        return new PlatformCallException(Kind.REJECTED, status, "X API rejected the request (HTTP " + status + ")"
                + titleOf(body));
    }

    /** The problem's title or detail (X's own words, short), never the raw body. */
    private static String titleOf(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            String detail = node.path("detail").asText(node.path("title").asText(""));
            if (detail.isEmpty() && node.path("errors").isArray() && !node.path("errors").isEmpty()) {
                detail = node.path("errors").get(0).path("message").asText("");
            }
            detail = detail.replaceAll("[\\r\\n]", " ");
            return detail.isEmpty() ? "" : ": " + (detail.length() > 160 ? detail.substring(0, 160) + "…" : detail);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    static Instant resetAt(Map<String, java.util.List<String>> headers) {
        for (Map.Entry<String, java.util.List<String>> h : headers.entrySet()) {
            if (h.getKey() != null && h.getKey().equalsIgnoreCase("x-rate-limit-reset") && !h.getValue().isEmpty()) {
                try {
                    return Instant.ofEpochSecond(Long.parseLong(h.getValue().get(0).trim()));
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
