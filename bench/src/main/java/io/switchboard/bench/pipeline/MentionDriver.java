package io.switchboard.bench.pipeline;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The load generator: posts recorded mentions to mention-service's signed webhook, each a new
 * post of its own conversation by a customer of its own (so each must open its own ticket), at a
 * fixed rate (open loop: a slow system does not slow the offered load) or as fast as they are
 * accepted, and records when each was accepted.
 */
public final class MentionDriver {

    static final int MAX_IN_FLIGHT = 256;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final URI endpoint;
    private final String secret;
    private final RecordedMentions mentions;
    private final String runId;
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);

    /** External id → nanoTime when the webhook answered 202. */
    final ConcurrentHashMap<String, Long> acceptedAt = new ConcurrentHashMap<>();
    final AtomicLong sent = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    /** How long each accepted post waited for its 202, in microseconds. */
    final ConcurrentLinkedQueue<Long> answerMicros = new ConcurrentLinkedQueue<>();
    /** Refusals by HTTP status (0: no answer). */
    final ConcurrentHashMap<Integer, AtomicLong> refusedByStatus = new ConcurrentHashMap<>();

    public MentionDriver(URI endpoint, String secret, RecordedMentions mentions, String runId) {
        this.endpoint = endpoint;
        this.secret = secret;
        this.mentions = mentions;
        this.runId = runId;
    }

    /** Offers mentions for the given time; rate <= 0 means as fast as they are accepted. */
    public void drive(double rate, Duration duration) throws InterruptedException {
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        long index = 0;
        while (System.nanoTime() < end) {
            if (rate > 0) {
                long due = start + (long) (index * 1e9 / rate);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
            inFlight.acquire();
            post(index++);
        }
        inFlight.acquire(MAX_IN_FLIGHT); // the last answers
        inFlight.release(MAX_IN_FLIGHT);
    }

    private void post(long index) {
        RecordedMentions.Turn turn = mentions.get(index);
        String externalId = runId + "-" + index;
        ObjectNode body = json.createObjectNode();
        body.put("id", externalId);
        body.put("text", turn.text());
        body.put("conversationId", externalId);
        body.put("postedAt", Instant.now().toString());
        ObjectNode author = body.putObject("author");
        author.put("id", runId + "-author-" + index);
        author.put("handle", turn.handle());
        author.put("followers", 100);
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .header("X-Switchboard-Timestamp", Long.toString(timestamp))
                .header("X-Switchboard-Signature", sign(timestamp, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
        sent.incrementAndGet();
        long sentAt = System.nanoTime();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            if (failure == null && response.statusCode() / 100 == 2) {
                long now = System.nanoTime();
                acceptedAt.put(externalId, now);
                answerMicros.add((now - sentAt) / 1000);
            } else {
                refused.incrementAndGet();
                refusedByStatus.computeIfAbsent(failure == null ? response.statusCode() : 0, s -> new AtomicLong()).incrementAndGet();
            }
            inFlight.release();
        });
    }

    public Map<String, Long> acceptedAt() {
        return acceptedAt;
    }

    public long sent() {
        return sent.get();
    }

    public Map<Integer, Long> refusedByStatus() {
        Map<Integer, Long> copy = new TreeMap<>();
        refusedByStatus.forEach((status, count) -> copy.put(status, count.get()));
        return copy;
    }

    private String sign(long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
