package io.switchboard.fakes;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

/**
 * A fake X API v2, built from the published shapes (shared/reference/x-api-v2: Get2UsersIdMentionsResponse,
 * FilteredStreamingTweetResponse, AddOrDeleteRulesRequest/Response, TweetCreateRequest/Response,
 * CreateDmEventResponse, Problem): the mentions timeline with since_id/until_id and pagination,
 * stream rules, a filtered stream driven by per-connection scripts (or held open like X's, see
 * {@link #liveStream}), posting and direct messages, and the signatures of Account Activity webhooks.
 */
public final class FakeXServer extends FakeHttp {

    public static final String BEARER = "test-bearer";
    public static final String USER_TOKEN = "test-user-token";
    public static final String BRAND_USER_ID = "1000";
    /** The app's consumer secret of shared/reference/x-api-v2/crc-vector.json (a published example). */
    public static final String CONSUMER_SECRET = "z3ZX4v7mAAUGykl3EcmkqbartmuW8VFOOzCloLx9Q45P0hLrFu";
    /** The header X signs Account Activity posts with. */
    public static final String WEBHOOK_SIGNATURE_HEADER = "x-twitter-webhooks-signature";

    /** Tweet ids unique across test runs (the dedupe keys live in a shared database). */
    private static final AtomicLong IDS = new AtomicLong((System.currentTimeMillis() % 1_000_000_000_000L) * 1_000_000L);

    private final List<ObjectNode> mentions = Collections.synchronizedList(new ArrayList<>());
    private final List<ObjectNode> users = Collections.synchronizedList(new ArrayList<>());
    private final List<ObjectNode> rules = Collections.synchronizedList(new ArrayList<>());
    private final List<ObjectNode> posts = Collections.synchronizedList(new ArrayList<>());
    private final List<ObjectNode> directMessages = Collections.synchronizedList(new ArrayList<>());
    private final BlockingDeque<StreamScript> streams = new LinkedBlockingDeque<>();
    private final BlockingDeque<String> liveLines = new LinkedBlockingDeque<>();
    private volatile Duration liveKeepAlive;
    private volatile boolean stopped;
    private volatile int pageSize = 100;

    public static String nextId() {
        return Long.toString(IDS.incrementAndGet());
    }

    /** A post by a customer, shaped like the API's Tweet with the fields Switchboard asks for. */
    public static ObjectNode tweet(String id, String authorId, String text) {
        ObjectNode t = JSON.createObjectNode().put("id", id).put("author_id", authorId).put("text", text)
                .put("conversation_id", id).put("lang", "en").put("created_at", Instant.now().toString());
        t.putArray("edit_history_tweet_ids").add(id);
        return t;
    }

    public static ObjectNode user(String id, String username, int followers) {
        ObjectNode u = JSON.createObjectNode().put("id", id).put("username", username).put("name", "Name " + username)
                .put("verified", false);
        u.putObject("public_metrics").put("followers_count", followers);
        return u;
    }

    @Override
    public void reset() {
        super.reset();
        mentions.clear();
        users.clear();
        rules.clear();
        posts.clear();
        directMessages.clear();
        streams.clear();
        liveLines.clear();
        pageSize = 100;
    }

    @Override
    public void stop() {
        stopped = true;
        super.stop();
    }

    /**
     * From now on a stream connection with no script queued behaves like X's: it stays open, sends a
     * keep-alive every {@code keepAliveEvery}, and carries every post given to {@link #streamPost}.
     * For a client that runs for minutes (a whole system under test) rather than a scripted test.
     */
    public FakeXServer liveStream(Duration keepAliveEvery) {
        liveKeepAlive = keepAliveEvery;
        return this;
    }

    /** A post matching the stream rules: sent on the open live connection, or on the next one. */
    public void streamPost(ObjectNode tweet, ObjectNode author) {
        liveLines.add(StreamScript.message(tweet, author));
    }

    /**
     * What X sends in {@value #WEBHOOK_SIGNATURE_HEADER} with an Account Activity post, and answers a
     * CRC challenge with: {@code sha256=} + base64(HMAC-SHA256(consumer secret, payload)).
     */
    public static String webhookSignature(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(CONSUMER_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + Base64.getEncoder().encodeToString(mac.doFinal(payload));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    public void pageSize(int size) {
        pageSize = size;
    }

    public void addMention(ObjectNode tweet, ObjectNode author) {
        mentions.add(tweet);
        users.add(author);
    }

    public void addRule(String id, String value, String tag) {
        ObjectNode rule = JSON.createObjectNode().put("id", id).put("value", value);
        if (tag != null) {
            rule.put("tag", tag);
        }
        rules.add(rule);
    }

    public List<ObjectNode> rules() {
        synchronized (rules) {
            return List.copyOf(rules);
        }
    }

    public List<ObjectNode> posts() {
        synchronized (posts) {
            return List.copyOf(posts);
        }
    }

    public List<ObjectNode> directMessages() {
        synchronized (directMessages) {
            return List.copyOf(directMessages);
        }
    }

    /** What the next stream connection will do. */
    public void nextStream(StreamScript script) {
        streams.add(script);
    }

    /** A post made outside Switchboard's view, e.g. one that went out just before a crash. */
    public void addBrandPost(ObjectNode post) {
        posts.add(post);
    }

    @Override
    protected void handle(HttpExchange exchange, Request r) throws IOException {
        boolean reader = ("Bearer " + BEARER).equals(r.authorization()) || ("Bearer " + USER_TOKEN).equals(r.authorization());
        if (!reader) {
            send(exchange, 401, "{\"title\":\"Unauthorized\",\"type\":\"about:blank\",\"status\":401,\"detail\":\"Unauthorized\"}");
            return;
        }
        String p = r.path();
        if (r.method().equals("GET") && p.matches("/2/users/[0-9]+/mentions")) {
            mentions(exchange, r);
        } else if (r.method().equals("GET") && p.equals("/2/tweets/search/stream/rules")) {
            ObjectNode body = JSON.createObjectNode();
            body.set("data", JSON.valueToTree(rules()));
            body.putObject("meta").put("sent", Instant.now().toString()).put("result_count", rules.size());
            sendJson(exchange, 200, body);
        } else if (r.method().equals("POST") && p.equals("/2/tweets/search/stream/rules")) {
            updateRules(exchange, r);
        } else if (r.method().equals("GET") && p.equals("/2/tweets/search/stream")) {
            stream(exchange);
        } else if (r.method().equals("POST") && p.equals("/2/tweets")) {
            createPost(exchange, r);
        } else if (r.method().equals("POST") && p.matches("/2/dm_conversations/with/[0-9]+/messages")) {
            sendDm(exchange, r, p.split("/")[4]);
        } else if (r.method().equals("GET") && p.matches("/2/users/[0-9]+/tweets")) {
            ObjectNode body = JSON.createObjectNode();
            body.set("data", JSON.valueToTree(posts()));
            sendJson(exchange, 200, body);
        } else if (r.method().equals("GET") && p.matches("/2/dm_conversations/with/[0-9]+/dm_events")) {
            String participant = p.split("/")[4];
            ObjectNode body = JSON.createObjectNode();
            body.set("data", JSON.valueToTree(directMessages().stream()
                    .filter(dm -> dm.path("participant").asText().equals(participant)).toList()));
            sendJson(exchange, 200, body);
        } else {
            send(exchange, 404, "{\"title\":\"Not Found\",\"type\":\"about:blank\",\"status\":404}");
        }
    }

    private void mentions(HttpExchange exchange, Request r) throws IOException {
        long since = Long.parseLong(r.query().getOrDefault("since_id", "0"));
        long until = Long.parseLong(r.query().getOrDefault("until_id", Long.toString(Long.MAX_VALUE)));
        List<ObjectNode> matching;
        synchronized (mentions) {
            matching = mentions.stream().filter(t -> id(t) > since && id(t) < until)
                    .sorted(Comparator.comparingLong(FakeXServer::id).reversed()).toList();
        }
        int offset = Integer.parseInt(r.query().getOrDefault("pagination_token", "p0").substring(1));
        List<ObjectNode> page = matching.subList(Math.min(offset, matching.size()),
                Math.min(offset + pageSize, matching.size()));
        ObjectNode body = JSON.createObjectNode();
        ObjectNode meta = JSON.createObjectNode().put("result_count", page.size());
        if (!page.isEmpty()) {
            body.set("data", JSON.valueToTree(page));
            body.putObject("includes").set("users", JSON.valueToTree(usersOf(page)));
            meta.put("newest_id", page.get(0).path("id").asText()).put("oldest_id", page.get(page.size() - 1).path("id").asText());
        }
        if (offset + pageSize < matching.size()) {
            meta.put("next_token", "p" + (offset + pageSize));
        }
        body.set("meta", meta);
        sendJson(exchange, 200, body);
    }

    private List<ObjectNode> usersOf(List<ObjectNode> tweets) {
        synchronized (users) {
            return users.stream().filter(u -> tweets.stream().anyMatch(t -> t.path("author_id").asText()
                    .equals(u.path("id").asText()))).distinct().toList();
        }
    }

    private void updateRules(HttpExchange exchange, Request r) throws IOException {
        JsonNode body = JSON.readTree(r.body());
        ArrayNode data = JSON.createArrayNode();
        if (body.has("add")) {
            for (JsonNode add : body.path("add")) {
                ObjectNode rule = JSON.createObjectNode().put("id", nextId()).put("value", add.path("value").asText());
                if (add.has("tag")) {
                    rule.put("tag", add.path("tag").asText());
                }
                rules.add(rule);
                data.add(rule);
            }
        } else if (body.has("delete")) {
            List<String> ids = new ArrayList<>();
            body.path("delete").path("ids").forEach(id -> ids.add(id.asText()));
            rules.removeIf(rule -> ids.contains(rule.path("id").asText()));
        } else {
            send(exchange, 400, "{\"title\":\"Invalid Request\",\"type\":\"about:blank\",\"status\":400}");
            return;
        }
        ObjectNode response = JSON.createObjectNode();
        response.set("data", data);
        response.putObject("meta").put("sent", Instant.now().toString());
        sendJson(exchange, 200, response);
    }

    private void createPost(HttpExchange exchange, Request r) throws IOException {
        if (!("Bearer " + USER_TOKEN).equals(r.authorization())) {
            send(exchange, 403, "{\"title\":\"Forbidden\",\"type\":\"about:blank\",\"status\":403,\"detail\":\"user context required\"}");
            return;
        }
        JsonNode request = JSON.readTree(r.body());
        String id = nextId();
        ObjectNode post = JSON.createObjectNode().put("id", id).put("text", request.path("text").asText());
        if (request.path("reply").has("in_reply_to_tweet_id")) {
            post.putArray("referenced_tweets").addObject().put("type", "replied_to")
                    .put("id", request.path("reply").path("in_reply_to_tweet_id").asText());
        }
        posts.add(post);
        ObjectNode response = JSON.createObjectNode();
        response.putObject("data").put("id", id).put("text", post.path("text").asText());
        sendJson(exchange, 201, response);
    }

    private void sendDm(HttpExchange exchange, Request r, String participant) throws IOException {
        if (!("Bearer " + USER_TOKEN).equals(r.authorization())) {
            send(exchange, 403, "{\"title\":\"Forbidden\",\"type\":\"about:blank\",\"status\":403}");
            return;
        }
        String eventId = nextId();
        directMessages.add(JSON.createObjectNode().put("id", eventId).put("participant", participant)
                .put("sender_id", BRAND_USER_ID).put("text", JSON.readTree(r.body()).path("text").asText()));
        ObjectNode response = JSON.createObjectNode();
        response.putObject("data").put("dm_conversation_id", BRAND_USER_ID + "-" + participant).put("dm_event_id", eventId);
        sendJson(exchange, 201, response);
    }

    private void stream(HttpExchange exchange) throws IOException {
        StreamScript script;
        try {
            script = liveKeepAlive != null ? streams.poll() : streams.poll(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (script == null && liveKeepAlive != null) {
            live(exchange);
            return;
        }
        if (script == null) {
            send(exchange, 503, "{\"title\":\"Service Unavailable\",\"type\":\"about:blank\",\"status\":503}");
            return;
        }
        if (script.status() != 200) {
            script.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            send(exchange, script.status(), "{\"title\":\"scripted\",\"type\":\"about:blank\",\"status\":" + script.status() + "}");
            return;
        }
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        try {
            for (StreamScript.Step step : script.steps()) {
                switch (step.kind()) {
                    case LINE -> out.write((step.text() + "\r\n").getBytes(StandardCharsets.UTF_8));
                    case KEEP_ALIVE -> out.write("\r\n".getBytes(StandardCharsets.UTF_8));
                    case PAUSE -> Thread.sleep(step.millis());
                }
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client hung up (the watchdog closed it): that is what some scripts test
        }
        // End of script: the connection closes, as when X drops a stream.
        out.close();
    }

    /** An open stream: posts as they are given, keep-alives in between, until the client or the fake stops. */
    private void live(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        String line = null;
        try {
            while (!stopped) {
                line = liveLines.poll(liveKeepAlive.toMillis(), TimeUnit.MILLISECONDS);
                out.write(((line == null ? "" : line) + "\r\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                line = null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client hung up: the post it did not get goes on the next connection
        } finally {
            if (line != null) {
                liveLines.addFirst(line);
            }
            out.close();
        }
    }

    private static long id(JsonNode tweet) {
        return Long.parseLong(tweet.path("id").asText());
    }

    public static Map<String, String> resetIn(long seconds) {
        return Map.of("x-rate-limit-reset", Long.toString(Instant.now().plusSeconds(seconds).getEpochSecond()),
                "x-rate-limit-remaining", "0");
    }
}
