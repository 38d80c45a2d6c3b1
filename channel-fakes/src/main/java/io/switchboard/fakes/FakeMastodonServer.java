package io.switchboard.fakes;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

/**
 * A fake Mastodon instance from the documented entities (shared/reference/social-apis/mastodon):
 * mention notifications with min_id windows, and POST /api/v1/statuses honouring Idempotency-Key.
 */
public final class FakeMastodonServer extends FakeHttp {

    public static final String TOKEN = "test-mastodon-token";
    private static final AtomicLong IDS = new AtomicLong((System.currentTimeMillis() % 1_000_000_000_000L) * 1_000L);

    private final List<ObjectNode> notifications = Collections.synchronizedList(new ArrayList<>());
    private final List<ObjectNode> statuses = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, ObjectNode> byIdempotencyKey = new ConcurrentHashMap<>();
    private volatile int pageSize = 40;

    public static String nextId() {
        return Long.toString(IDS.incrementAndGet());
    }

    @Override
    public void reset() {
        super.reset();
        notifications.clear();
        statuses.clear();
        byIdempotencyKey.clear();
        pageSize = 40;
    }

    public void pageSize(int size) {
        pageSize = size;
    }

    /** A mention notification of a status by {@code acct}. */
    public ObjectNode mention(String statusId, String accountId, String acct, String html, String visibility) {
        ObjectNode n = JSON.createObjectNode().put("id", nextId()).put("type", "mention")
                .put("created_at", Instant.now().toString());
        ObjectNode account = JSON.createObjectNode().put("id", accountId).put("username", acct).put("acct", acct)
                .put("display_name", "Display " + acct).put("followers_count", 12);
        n.set("account", account);
        ObjectNode status = n.putObject("status").put("id", statusId).put("content", html).put("visibility", visibility)
                .put("language", "en").put("created_at", Instant.now().toString())
                .put("url", "https://fake.social/@" + acct + "/" + statusId);
        status.putNull("in_reply_to_id");
        status.set("account", account);
        status.putArray("media_attachments");
        notifications.add(n);
        return n;
    }

    public void addNotification(ObjectNode n) {
        notifications.add(n);
    }

    public List<ObjectNode> statuses() {
        synchronized (statuses) {
            return List.copyOf(statuses);
        }
    }

    @Override
    protected void handle(HttpExchange exchange, Request r) throws IOException {
        if (!("Bearer " + TOKEN).equals(r.authorization())) {
            send(exchange, 401, "{\"error\":\"The access token is invalid\"}");
            return;
        }
        if (r.method().equals("GET") && r.path().equals("/api/v1/notifications")) {
            BigInteger min = new BigInteger(r.query().getOrDefault("min_id", "0"));
            List<ObjectNode> window;
            synchronized (notifications) {
                window = notifications.stream().filter(n -> new BigInteger(n.path("id").asText()).compareTo(min) > 0)
                        .sorted(Comparator.comparing(n -> new BigInteger(n.path("id").asText()))).limit(pageSize)
                        .sorted(Comparator.comparing((ObjectNode n) -> new BigInteger(n.path("id").asText())).reversed())
                        .toList();
            }
            sendJson(exchange, 200, window);
        } else if (r.method().equals("POST") && r.path().equals("/api/v1/statuses")) {
            String key = r.authorization() == null ? null : exchange.getRequestHeaders().getFirst("Idempotency-Key");
            if (key != null && byIdempotencyKey.containsKey(key)) {
                sendJson(exchange, 200, byIdempotencyKey.get(key));
                return;
            }
            JsonNode body = JSON.readTree(r.body());
            String id = nextId();
            ObjectNode status = JSON.createObjectNode().put("id", id).put("content", body.path("status").asText())
                    .put("visibility", body.path("visibility").asText("public"))
                    .put("url", "https://fake.social/@acme_help/" + id);
            status.put("in_reply_to_id", body.path("in_reply_to_id").asText(null));
            if (key != null) {
                status.put("idempotency_key", key);
                byIdempotencyKey.put(key, status);
            }
            statuses.add(status);
            sendJson(exchange, 200, status);
        } else {
            send(exchange, 404, "{\"error\":\"Record not found\"}");
        }
    }
}
