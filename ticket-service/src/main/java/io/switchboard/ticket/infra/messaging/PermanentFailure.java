package io.switchboard.ticket.infra.messaging;

/**
 * An event that will fail the same way however often it is retried (it names a ticket or reply
 * this service does not know, or breaks a rule): it goes straight to the dead-letter topic. The
 * message is the dead-letter reason, so it names ids and fields, never customer text.
 */
public class PermanentFailure extends RuntimeException {

    public PermanentFailure(String message) {
        super(message);
    }
}
