package io.switchboard.mention.infra;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per key (a client address): {@code capacity} requests at once, refilled evenly
 * over {@code period}. In memory, so each replica limits on its own; behind N replicas a client
 * gets at most N times the rate, which still stops a flood.
 */
public final class RateLimiter {

    private final int capacity;
    private final double refillPerNano;
    private final LongSupplier clock;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long updated;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }
    }

    public RateLimiter(int capacity, Duration period) {
        this(capacity, period, System::nanoTime);
    }

    RateLimiter(int capacity, Duration period, LongSupplier clock) {
        this.capacity = capacity;
        this.refillPerNano = (double) capacity / period.toNanos();
        this.clock = clock;
    }

    /** @return 0 if the request may go ahead, else the seconds until it may (for Retry-After) */
    public long acquire(String key) {
        long now = clock.getAsLong();
        if (buckets.size() > 100_000) {
            forgetIdle(now);
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(capacity, now));
        synchronized (bucket) {
            bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.updated) * refillPerNano);
            bucket.updated = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - bucket.tokens) / refillPerNano / 1e9));
        }
    }

    /** Full buckets hold no information: drop them so the map cannot grow without bound. */
    private void forgetIdle(long now) {
        buckets.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                return e.getValue().tokens + (now - e.getValue().updated) * refillPerNano >= capacity;
            }
        });
    }
}
