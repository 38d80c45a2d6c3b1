package io.switchboard.system.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.switchboard.events.Channel;
import io.switchboard.fakes.FakeXServer;
import io.switchboard.system.faults.LoadConversations.CustomerThread;
import io.switchboard.system.harness.SystemStack;
import io.switchboard.system.support.SignedWebhook;

/**
 * The load generator: posts the threads' turns at a fixed rate through mention-service's public
 * doors (the generic signed webhook, X's Account Activity webhook), each thread's turns in order,
 * and keeps its own record of every post and what it finally got. Like a real sender it retries
 * what was not answered 2xx (refused connection while a service restarts, 5xx, timeouts), re-signed
 * each time, until {@code retryFor} has passed; a retry of a post that had in fact been stored is
 * answered as a duplicate, which is an acceptance too.
 */
final class MentionLoad {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter X_TIME = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ROOT);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

    /** One post, and the generator's record of it. */
    static final class Post {
        final String externalId;
        final Channel channel;
        final CustomerThread thread;
        volatile int attempts;
        volatile int lastStatus;
        volatile boolean accepted;
        volatile Instant acceptedAt;

        Post(String externalId, Channel channel, CustomerThread thread) {
            this.externalId = externalId;
            this.channel = channel;
            this.thread = thread;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final String webhookUrl;
    private final String xWebhookUrl;
    private final String webhookSecret;
    private final Duration interval;
    private final Duration retryFor;
    private final ConcurrentLinkedQueue<CustomerThread> pending;
    private final List<Post> posts = Collections.synchronizedList(new ArrayList<>());
    private final Map<Integer, Long> answers = Collections.synchronizedMap(new TreeMap<>());
    private final AtomicLong slots = new AtomicLong();
    private final AtomicLong failedAttempts = new AtomicLong();
    private volatile long startNanos;
    private volatile Instant lastFailure;
    private CountDownLatch done;

    MentionLoad(String mentionServiceUrl, String webhookSecret, List<CustomerThread> threads, double perSecond, Duration retryFor) {
        this.webhookUrl = mentionServiceUrl + "/api/v1/channels/webhook/" + SystemStack.WEBHOOK_SOURCE;
        this.xWebhookUrl = mentionServiceUrl + "/api/v1/channels/x/webhook";
        this.webhookSecret = webhookSecret;
        this.interval = Duration.ofNanos((long) (1e9 / perSecond));
        this.retryFor = retryFor;
        this.pending = new ConcurrentLinkedQueue<>(threads);
    }

    /** Starts {@code senders} threads; each takes a customer's thread and posts its turns one after the other. */
    void start(int senders) {
        startNanos = System.nanoTime();
        done = new CountDownLatch(senders);
        for (int i = 0; i < senders; i++) {
            Thread sender = new Thread(this::sendThreads, "mention-load-" + i);
            sender.setDaemon(true);
            sender.start();
        }
    }

    boolean awaitDone(Duration timeout) throws InterruptedException {
        return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    List<Post> posts() {
        synchronized (posts) {
            return List.copyOf(posts);
        }
    }

    /** HTTP status → how many answers had it; 0 counts attempts without an answer (refused, reset, timed out). */
    Map<Integer, Long> answers() {
        synchronized (answers) {
            return new TreeMap<>(answers);
        }
    }

    long failedAttempts() {
        return failedAttempts.get();
    }

    /** When the last attempt that did not get a 2xx ended, if any did. */
    Instant lastFailure() {
        return lastFailure;
    }

    private void sendThreads() {
        try {
            CustomerThread thread;
            while ((thread = pending.poll()) != null) {
                String inReplyTo = null;
                for (int turn = 0; turn < thread.texts().size(); turn++) {
                    String id = thread.channel() == Channel.X ? FakeXServer.nextId() : thread.customerId() + "-t" + turn;
                    Post post = new Post(id, thread.channel(), thread);
                    posts.add(post);
                    byte[] body = thread.channel() == Channel.X
                            ? xAccountActivity(thread, id, inReplyTo, thread.texts().get(turn))
                            : genericWebhook(thread, id, inReplyTo, thread.texts().get(turn));
                    send(post, body);
                    inReplyTo = id;
                }
            }
        } finally {
            done.countDown();
        }
    }

    private void send(Post post, byte[] body) {
        long giveUp = System.nanoTime() + retryFor.toNanos();
        while (!post.accepted && System.nanoTime() < giveUp) {
            awaitSlot();
            post.attempts++;
            int status = attempt(post, body);
            post.lastStatus = status;
            answers.merge(status, 1L, Long::sum);
            if (!post.accepted) {
                failedAttempts.incrementAndGet();
                lastFailure = Instant.now();
                if (status >= 400 && status < 500 && status != 408 && status != 429) {
                    return; // refused for what it is: a retry would be refused the same way
                }
                pause(500);
            }
        }
    }

    private int attempt(Post post, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(post.channel == Channel.X ? xWebhookUrl : webhookUrl))
                .timeout(REQUEST_TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (post.channel == Channel.X) {
            request.header(FakeXServer.WEBHOOK_SIGNATURE_HEADER, FakeXServer.webhookSignature(body));
        } else {
            long timestamp = Instant.now().getEpochSecond();
            request.header("X-Switchboard-Timestamp", Long.toString(timestamp))
                    .header("X-Switchboard-Signature", SignedWebhook.signature(webhookSecret, timestamp, body));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2 && stored(post, response.body())) {
                post.accepted = true;
                post.acceptedAt = Instant.now();
            }
            return response.statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** The webhook's 2xx means stored (new or a duplicate); X's webhook answers per event. */
    private static boolean stored(Post post, String body) throws IOException {
        if (post.channel != Channel.X) {
            return true;
        }
        JsonNode received = JSON.readTree(body);
        return received.path("accepted").asInt() + received.path("duplicates").asInt() == 1;
    }

    private static byte[] genericWebhook(CustomerThread thread, String id, String inReplyTo, String text) {
        return webhookBody(thread.customerId(), thread.handle(), "Customer " + thread.number(), id, inReplyTo, text);
    }

    private static byte[] xAccountActivity(CustomerThread thread, String id, String inReplyTo, String text) {
        return xActivityBody(thread.customerId(), thread.handle(), "Customer " + thread.number(), id, inReplyTo,
                "@" + SystemStack.BRAND_HANDLE + " " + text);
    }

    /** A post as the generic signed webhook takes it (mention-service's README); the customer's thread is the conversation. */
    static byte[] webhookBody(String customerId, String handle, String name, String id, String inReplyTo, String text) {
        ObjectNode post = JSON.createObjectNode().put("id", id).put("text", text)
                .put("conversationId", customerId).put("inReplyToId", inReplyTo)
                .put("postedAt", Instant.now().toString()).put("language", "en").put("private", false);
        post.putObject("author").put("id", customerId).put("handle", handle).put("name", name).put("followers", 12)
                .put("verified", false);
        return post.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A mention of our account in X's v1.1 shapes, as its Account Activity webhook posts it (one event per body). */
    static byte[] xActivityBody(String userId, String handle, String name, String id, String inReplyTo, String text) {
        ObjectNode body = JSON.createObjectNode().put("for_user_id", FakeXServer.BRAND_USER_ID);
        ObjectNode tweet = body.putArray("tweet_create_events").addObject()
                .put("id_str", id)
                .put("text", text)
                .put("created_at", X_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)))
                .put("in_reply_to_status_id_str", inReplyTo)
                .put("lang", "en");
        tweet.putObject("user").put("id_str", userId).put("screen_name", handle).put("name", name).put("followers_count", 12)
                .put("verified", false);
        tweet.putObject("entities").putArray("urls");
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The fixed rate: attempt n (first tries and retries alike) may start at start + n × interval. */
    private void awaitSlot() {
        long at = startNanos + slots.getAndIncrement() * interval.toNanos();
        long wait = at - System.nanoTime();
        if (wait > 0) {
            pause(TimeUnit.NANOSECONDS.toMillis(wait));
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
