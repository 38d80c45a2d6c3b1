package io.switchboard.mention.channel.x;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.switchboard.events.Channel;
import io.switchboard.mention.channel.Backoff;
import io.switchboard.mention.channel.ConnectorHealth;
import io.switchboard.mention.channel.MentionSink;
import io.switchboard.mention.channel.PlatformCallException;
import io.switchboard.mention.mention.Mention;

/**
 * The filtered stream ({@code GET /2/tweets/search/stream}) on its own thread: rules synced
 * before connecting, a watchdog that drops the connection when neither a post nor X's 20-second
 * keep-alive arrived within the timeout, reconnection with exponential back-off (a 429 waits for
 * the platform's reset), and on reconnection a backfill of the minutes missed. Posts delivered
 * twice by an overlapping backfill are dropped by the dedupe key.
 */
public final class XFilteredStream implements Runnable {

    public static final String CONNECTOR = "x-stream";
    private static final Logger LOG = Logger.getLogger(XFilteredStream.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final XApiClient api;
    private final String token;
    private final String brandHandle;
    private final Set<String> rules;
    private final MentionSink sink;
    private final ConnectorHealth health;
    private final Duration keepAliveTimeout;
    private final int maxBackfillMinutes;
    private final Backoff backoff;
    private final Clock clock;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "x-stream-watchdog");
        t.setDaemon(true);
        return t;
    });

    private volatile boolean stopped;
    private volatile InputStream current;
    private volatile Thread runner;
    private boolean rulesSynced;
    private Instant disconnectedAt;
    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong lastActivity = new AtomicLong();

    public XFilteredStream(XApiClient api, String token, String brandHandle, Set<String> rules, MentionSink sink,
            ConnectorHealth health, Duration keepAliveTimeout, int maxBackfillMinutes, Backoff backoff, Clock clock) {
        this.api = api;
        this.token = token;
        this.brandHandle = brandHandle;
        this.rules = rules;
        this.sink = sink;
        this.health = health;
        this.keepAliveTimeout = keepAliveTimeout;
        this.maxBackfillMinutes = maxBackfillMinutes;
        this.backoff = backoff;
        this.clock = clock;
    }

    /** Starts the stream on a daemon thread of its own. */
    public XFilteredStream start() {
        Thread thread = new Thread(this, "x-stream");
        thread.setDaemon(true);
        runner = thread;
        thread.start();
        return this;
    }

    public void stop() {
        stopped = true;
        closeCurrent();
        Thread t = runner;
        if (t != null) {
            t.interrupt();
        }
        watchdog.shutdownNow();
    }

    /** How many times a stream connection was opened (1 + reconnections). */
    public long connections() {
        return connections.get();
    }

    @Override
    public void run() {
        while (!stopped) {
            try {
                if (!rulesSynced) {
                    XStreamRules.sync(api, token, rules);
                    rulesSynced = true;
                }
                consume(api.openStream(token, backfillMinutes()));
                markDisconnected("the stream ended");
                pause(backoff.next());
            } catch (PlatformCallException e) {
                markDisconnected(e.getMessage());
                if (e.kind() == PlatformCallException.Kind.NOT_AUTHORIZED) {
                    health.down(CONNECTOR, e.getMessage());
                }
                Duration wait = backoff.next();
                if (e.kind() == PlatformCallException.Kind.RATE_LIMITED && e.retryAt() != null) {
                    Duration untilReset = Duration.between(clock.instant(), e.retryAt());
                    wait = untilReset.compareTo(wait) > 0 ? untilReset : wait;
                }
                pause(wait);
            } catch (RuntimeException e) {
                // The database may be down: the post is not lost, it comes back with the backfill.
                markDisconnected("stored nothing: " + e.getClass().getSimpleName());
                pause(backoff.next());
            }
        }
    }

    private int backfillMinutes() {
        if (disconnectedAt == null) {
            return 0;
        }
        long seconds = Duration.between(disconnectedAt, clock.instant()).toSeconds();
        return (int) Math.max(1, Math.min(maxBackfillMinutes, (seconds + 59) / 60 + 1));
    }

    private void consume(InputStream stream) {
        current = stream;
        connections.incrementAndGet();
        touch();
        disconnectedAt = null;
        health.up(CONNECTOR);
        ScheduledFuture<?> dog = watchdog.scheduleAtFixedRate(this::checkAlive, 200, 200, TimeUnit.MILLISECONDS);
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while (!stopped && (line = lines.readLine()) != null) {
                touch();
                if (!line.isBlank()) {
                    handle(line);
                    backoff.reset(); // the connection works: a later drop starts over at the initial delay
                }
            }
        } catch (IOException e) {
            // Closed by the watchdog, or the network dropped: reconnect with backfill.
        } finally {
            dog.cancel(false);
            current = null;
            if (!stopped) {
                Thread.interrupted(); // the watchdog's interrupt was for that read only
            }
        }
    }

    private void handle(String line) {
        JsonNode message;
        try {
            message = JSON.readTree(line);
        } catch (IOException e) {
            sink.garbage(Channel.X, CONNECTOR, "a stream line that is not JSON");
            return;
        }
        if (message == null || !message.path("data").isObject()) {
            if (message != null && message.path("errors").isArray()) {
                LOG.warnf("%s: X reported %s", CONNECTOR, message.path("errors").path(0).path("title").asText("an error"));
            } else {
                sink.garbage(Channel.X, CONNECTOR, "a stream message without data");
            }
            return;
        }
        Mention mention = XTweets.toMention(message.path("data"), XTweets.Includes.of(message.path("includes")),
                brandHandle, CONNECTOR);
        if (mention == null) {
            sink.garbage(Channel.X, CONNECTOR, "a post without id, author or text");
            return;
        }
        sink.accept(mention, CONNECTOR);
    }

    private void checkAlive() {
        long silentFor = System.nanoTime() - lastActivity.get();
        InputStream in = current;
        if (in != null && silentFor > keepAliveTimeout.toNanos()) {
            LOG.warnf("%s: no data or keep-alive for %d ms, reconnecting", CONNECTOR, silentFor / 1_000_000);
            closeCurrent();
            Thread t = runner;
            if (t != null && current == in) {
                t.interrupt(); // a read blocked inside the HTTP client wakes up on interrupt, not on every close
            }
        }
    }

    private void touch() {
        lastActivity.set(System.nanoTime());
    }

    private void closeCurrent() {
        InputStream in = current;
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // closing is all we wanted
            }
        }
    }

    private void markDisconnected(String why) {
        if (disconnectedAt == null) {
            disconnectedAt = clock.instant();
        }
        if (!stopped) {
            health.degraded(CONNECTOR, "reconnecting: " + why);
        }
    }

    private void pause(Duration wait) {
        try {
            Thread.sleep(Math.max(1, wait.toMillis()));
        } catch (InterruptedException e) {
            // stop() sets the flag before interrupting; any other interrupt was the watchdog's.
        }
    }
}
