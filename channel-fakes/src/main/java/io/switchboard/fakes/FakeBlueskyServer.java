package io.switchboard.fakes;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

/**
 * A fake Bluesky PDS from the lexicons (shared/reference/social-apis/bluesky-lexicons):
 * createSession, listNotifications (newest first, cursor paging), getPosts, createRecord (an
 * existing rkey is refused) and getRecord.
 */
public final class FakeBlueskyServer extends FakeHttp {

    public static final String IDENTIFIER = "acme.test";
    public static final String APP_PASSWORD = "test-app-password";
    public static final String BRAND_DID = "did:plc:acmebrand";
    private static final AtomicLong SEQ = new AtomicLong(System.currentTimeMillis() * 1000);

    private final List<ObjectNode> notifications = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, ObjectNode> posts = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> records = new ConcurrentHashMap<>();
    private final Set<String> validTokens = ConcurrentHashMap.newKeySet();
    private volatile int pageSize = 50;

    public static String uniqueRkey() {
        return "3k" + Long.toString(SEQ.incrementAndGet(), 32);
    }

    @Override
    public void reset() {
        super.reset();
        notifications.clear();
        posts.clear();
        records.clear();
        pageSize = 50;
    }

    public void pageSize(int size) {
        pageSize = size;
    }

    /** Invalidates every session, as when access tokens expire. */
    public void expireSessions() {
        validTokens.clear();
    }

    /** A customer's post the brand was notified about; also retrievable with getPosts. */
    public ObjectNode notify(String reason, String did, String handle, String text, String rootUri, String rootCid) {
        String uri = "at://" + did + "/app.bsky.feed.post/" + uniqueRkey();
        String cid = "bafy" + Long.toString(SEQ.incrementAndGet(), 36);
        ObjectNode record = JSON.createObjectNode().put("$type", "app.bsky.feed.post").put("text", text)
                .put("createdAt", Instant.now().toString());
        record.putArray("langs").add("en");
        if (rootUri != null) {
            ObjectNode reply = record.putObject("reply");
            reply.putObject("root").put("uri", rootUri).put("cid", rootCid);
            reply.putObject("parent").put("uri", rootUri).put("cid", rootCid);
        }
        ObjectNode n = JSON.createObjectNode().put("uri", uri).put("cid", cid).put("reason", reason).put("isRead", false)
                .put("indexedAt", Instant.now().toString());
        n.putObject("author").put("did", did).put("handle", handle).put("displayName", "Name " + handle);
        n.set("record", record);
        notifications.add(0, n); // newest first
        posts.put(uri, JSON.createObjectNode().put("uri", uri).put("cid", cid).set("record", record));
        return n;
    }

    public void addRawNotification(ObjectNode n) {
        notifications.add(0, n);
    }

    public Map<String, ObjectNode> records() {
        return Map.copyOf(records);
    }

    @Override
    protected void handle(HttpExchange exchange, Request r) throws IOException {
        String p = r.path();
        if (p.equals("/xrpc/com.atproto.server.createSession")) {
            JsonNode body = JSON.readTree(r.body());
            if (!IDENTIFIER.equals(body.path("identifier").asText()) || !APP_PASSWORD.equals(body.path("password").asText())) {
                send(exchange, 401, "{\"error\":\"AuthenticationRequired\",\"message\":\"Invalid identifier or password\"}");
                return;
            }
            String token = "jwt-" + SEQ.incrementAndGet();
            validTokens.add(token);
            sendJson(exchange, 200, Map.of("accessJwt", token, "refreshJwt", "r" + token, "did", BRAND_DID,
                    "handle", IDENTIFIER));
            return;
        }
        if (r.authorization() == null || !validTokens.contains(r.authorization().replace("Bearer ", ""))) {
            send(exchange, 400, "{\"error\":\"ExpiredToken\",\"message\":\"Token has expired\"}");
            return;
        }
        switch (p) {
            case "/xrpc/app.bsky.notification.listNotifications" -> {
                int offset = Integer.parseInt(r.query().getOrDefault("cursor", "0"));
                List<ObjectNode> all;
                synchronized (notifications) {
                    all = List.copyOf(notifications);
                }
                List<ObjectNode> page = all.subList(Math.min(offset, all.size()), Math.min(offset + pageSize, all.size()));
                ObjectNode body = JSON.createObjectNode();
                body.set("notifications", JSON.valueToTree(page));
                if (offset + pageSize < all.size()) {
                    body.put("cursor", Integer.toString(offset + pageSize));
                }
                sendJson(exchange, 200, body);
            }
            case "/xrpc/app.bsky.feed.getPosts" -> {
                ObjectNode post = posts.get(r.query().get("uris"));
                ObjectNode body = JSON.createObjectNode();
                body.putArray("posts");
                if (post != null) {
                    ((com.fasterxml.jackson.databind.node.ArrayNode) body.get("posts")).add(post);
                }
                sendJson(exchange, 200, body);
            }
            case "/xrpc/com.atproto.repo.createRecord" -> {
                JsonNode body = JSON.readTree(r.body());
                String rkey = body.path("rkey").asText();
                if (records.containsKey(rkey)) {
                    send(exchange, 400, "{\"error\":\"InvalidRequest\",\"message\":\"Record already exists\"}");
                    return;
                }
                String uri = "at://" + BRAND_DID + "/app.bsky.feed.post/" + rkey;
                ObjectNode stored = JSON.createObjectNode().put("uri", uri).put("cid", "bafyreply" + rkey);
                stored.set("value", body.path("record"));
                records.put(rkey, stored);
                sendJson(exchange, 200, Map.of("uri", uri, "cid", "bafyreply" + rkey));
            }
            case "/xrpc/com.atproto.repo.getRecord" -> {
                ObjectNode stored = records.get(r.query().get("rkey"));
                if (stored == null) {
                    send(exchange, 400, "{\"error\":\"RecordNotFound\",\"message\":\"Could not locate record\"}");
                } else {
                    sendJson(exchange, 200, stored);
                }
            }
            default -> send(exchange, 404, "{\"error\":\"MethodNotImplemented\"}");
        }
    }
}
