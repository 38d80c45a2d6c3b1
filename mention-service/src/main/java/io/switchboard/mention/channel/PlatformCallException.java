package io.switchboard.mention.channel;

import java.time.Instant;

/**
 * A call to a social platform that did not give us what we asked. The kind says what to do next:
 * wait until {@link #retryAt()} (rate limited), retry later (unavailable, network), fix the
 * configuration (not authorized), or give up on this request (rejected, not found). The message
 * never contains the platform's raw body, which may echo tokens or personal data.
 */
public class PlatformCallException extends RuntimeException {

    public enum Kind {
        RATE_LIMITED,
        UNAVAILABLE,
        NETWORK,
        NOT_AUTHORIZED,
        REJECTED,
        NOT_FOUND,
        /** The platform answered with something we cannot read. */
        GARBAGE
    }

    private final Kind kind;
    private final int status;
    private final Instant retryAt;

    public PlatformCallException(Kind kind, int status, String message, Instant retryAt) {
        super(message, null, false, false);
        this.kind = kind;
        this.status = status;
        this.retryAt = retryAt;
    }

    public PlatformCallException(Kind kind, int status, String message) {
        this(kind, status, message, null);
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, 0 when there was no response. */
    public int status() {
        return status;
    }

    /** When a rate-limited call may be made again; null if the platform did not say. */
    public Instant retryAt() {
        return retryAt;
    }

    /** Whether trying the same call later may succeed. */
    public boolean transientFailure() {
        return kind == Kind.RATE_LIMITED || kind == Kind.UNAVAILABLE || kind == Kind.NETWORK || kind == Kind.GARBAGE;
    }
}
