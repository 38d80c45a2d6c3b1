package io.switchboard.mention.infra;

import java.time.Duration;

/**
 * A post could not be accepted because storage is temporarily unavailable; nothing of it was kept.
 * Becomes 503 with Retry-After and a problem body ({@link PublicInputProblems}), so the sender retries.
 * No stack trace and no cause: what failed is logged once where it was recognised.
 */
public class ServiceUnavailable extends RuntimeException {

    static final String DETAIL = "Posts cannot be stored right now and nothing of this request was kept;"
            + " send it again after the Retry-After delay";

    private final Duration retryAfter;

    public ServiceUnavailable(Duration retryAfter) {
        super(DETAIL, null, false, false);
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, at least 1, as the Retry-After header takes them. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
