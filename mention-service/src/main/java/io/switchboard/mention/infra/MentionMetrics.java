package io.switchboard.mention.infra;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.switchboard.events.Channel;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The service's own meters, all tagged by channel so one platform's trouble shows on its own:
 * mentions in, duplicates dropped, actionable, rejected input, posts turned away in a storage outage, garbage from a platform, triage
 * time, and reply deliveries by outcome.
 */
@ApplicationScoped
public class MentionMetrics {

    private final MeterRegistry registry;

    public MentionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void accepted(Channel channel, boolean actionable) {
        counter("switchboard.mentions.received", channel).increment();
        if (actionable) {
            counter("switchboard.mentions.actionable", channel).increment();
        }
    }

    public void duplicate(Channel channel) {
        counter("switchboard.mentions.duplicates", channel).increment();
    }

    /** Bad input refused at a public endpoint (problem response, nothing published). */
    public void rejected(Channel channel, String reason) {
        Counter.builder("switchboard.mentions.rejected").tag("channel", tag(channel)).tag("reason", reason)
                .register(registry).increment();
    }

    /** A post answered 503 because storage was temporarily unavailable (the sender retries it). */
    public void unavailable(Channel channel) {
        counter("switchboard.mentions.unavailable", channel).increment();
    }

    /** Something a platform sent that could not be read; it is skipped, never retried forever. */
    public void garbage(Channel channel, String connector) {
        Counter.builder("switchboard.connector.garbage").tag("channel", tag(channel)).tag("connector", connector)
                .register(registry).increment();
    }

    public void triageTime(Channel channel, long nanos) {
        Timer.builder("switchboard.triage.time").tag("channel", tag(channel))
                .publishPercentiles(0.5, 0.99).register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** outcome: delivered, failed, in-doubt. */
    public void delivery(Channel channel, String outcome) {
        Counter.builder("switchboard.deliveries").tag("channel", tag(channel)).tag("outcome", outcome)
                .register(registry).increment();
    }

    private Counter counter(String name, Channel channel) {
        return Counter.builder(name).tag("channel", tag(channel)).register(registry);
    }

    private static String tag(Channel channel) {
        return channel.name().toLowerCase(Locale.ROOT);
    }
}
