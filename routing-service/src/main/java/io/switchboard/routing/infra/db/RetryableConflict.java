package io.switchboard.routing.infra.db;

/**
 * A routing transaction found the world changed under it in a way its locks do not cover (say, an
 * agent's teams changed between the read that chose the locks and the locked re-read). Rolling back
 * and starting again is always safe: nothing was committed.
 */
public class RetryableConflict extends RuntimeException {

    public RetryableConflict(String message) {
        super(message, null, false, false);
    }
}
