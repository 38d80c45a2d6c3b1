package io.switchboard.mention.delivery;

import java.util.UUID;

import io.switchboard.events.ticket.ReplyRequested;

/**
 * A reply delivery a worker has claimed.
 *
 * @param inDoubt the previous attempt's outcome is unknown: look on the platform before posting
 * @param attempts platform calls made so far, this one included
 */
public record Delivery(UUID replyId, ReplyRequested request, int attempts, boolean inDoubt) {

    public enum State {
        PENDING,
        POSTING,
        DELIVERED,
        FAILED
    }
}
