package io.switchboard.mention.channel.replay;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.switchboard.mention.channel.MentionSink;
import io.switchboard.mention.mention.Mention;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Feeds recorded conversations through the same path as a live channel (normalise, dedupe,
 * triage, outbox), interleaving conversations the way a busy channel does: first turns of all
 * conversations, then second turns, and so on.
 */
@ApplicationScoped
public class ReplaySource {

    private static final Logger LOG = Logger.getLogger(ReplaySource.class);
    public static final String CONNECTOR = "replay";

    /** What a run will feed. */
    public record Run(int conversations, int posts, int loops) {
    }

    @Inject
    ReplayConfig config;

    @Inject
    MentionSink sink;

    private final AtomicBoolean running = new AtomicBoolean();

    void atStartup(@Observes StartupEvent startup) {
        if (config.enabled()) {
            start(config.loops(), config.interval(), config.startDelay());
        }
    }

    /** Starts a run on its own thread; empty if one is already running. */
    public java.util.Optional<Run> start(int loops, Duration interval, Duration delay) {
        if (!running.compareAndSet(false, true)) {
            return java.util.Optional.empty();
        }
        List<List<Mention>> conversations = RecordedConversations.load(config.resource(), "");
        int posts = conversations.stream().mapToInt(List::size).sum();
        Thread thread = new Thread(() -> {
            try {
                sleep(delay);
                for (int loop = 0; loop < loops; loop++) {
                    List<List<Mention>> pass = loop == 0 ? conversations
                            : RecordedConversations.load(config.resource(), "-r" + System.currentTimeMillis() + "-" + loop);
                    feed(pass, interval);
                }
                LOG.infof("Replay finished: %d conversations, %d posts, %d loop(s)", conversations.size(), posts, loops);
            } finally {
                running.set(false);
            }
        }, "replay");
        thread.setDaemon(true);
        thread.start();
        return java.util.Optional.of(new Run(conversations.size(), posts, loops));
    }

    private void feed(List<List<Mention>> conversations, Duration interval) {
        int longest = conversations.stream().mapToInt(List::size).max().orElse(0);
        for (int turn = 0; turn < longest; turn++) {
            for (List<Mention> conversation : conversations) {
                if (turn < conversation.size()) {
                    try {
                        sink.accept(conversation.get(turn), CONNECTOR);
                    } catch (RuntimeException e) {
                        LOG.warnf("Replay: a post was not stored (%s); it is skipped", e.getClass().getSimpleName());
                    }
                    sleep(interval);
                }
            }
        }
    }

    private static void sleep(Duration d) {
        if (d.isZero() || d.isNegative()) {
            return;
        }
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
