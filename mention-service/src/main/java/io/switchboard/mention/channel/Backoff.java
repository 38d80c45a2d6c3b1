package io.switchboard.mention.channel;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential back-off with full jitter between an initial and a maximum delay: reconnecting
 * clients of one platform outage do not all come back at the same instant.
 */
public final class Backoff {

    private final Duration initial;
    private final Duration max;
    private int failures;

    public Backoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
    }

    /** The delay before the next attempt, growing with each consecutive failure. */
    public Duration next() {
        long ceiling = Math.min(max.toMillis(), initial.toMillis() << Math.min(failures, 20));
        failures++;
        long half = ceiling / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }

    public void reset() {
        failures = 0;
    }

    public int failures() {
        return failures;
    }
}
