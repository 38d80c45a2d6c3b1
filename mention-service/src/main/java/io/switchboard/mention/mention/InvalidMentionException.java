package io.switchboard.mention.mention;

/**
 * A post that cannot be accepted as it is. The message names the field and the rule, never the
 * customer's text, so it is safe for a problem response and a log line.
 */
public class InvalidMentionException extends RuntimeException {

    public InvalidMentionException(String message) {
        super(message);
    }
}
