package io.switchboard.events.delivery;

import io.switchboard.events.Channel;
import io.switchboard.events.EventType;
import io.switchboard.events.Require;
import io.switchboard.events.SwitchboardEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * mention-service gave up posting a reply, after its own retries or at once for a permanent error.
 * The ticket shows {@code reason} to the agent, who may send again when {@code retryable}.
 *
 * @param code for programs (metrics, channel health); {@code reason} is for people
 * @param reason what went wrong, in words an agent can act on ("Post is longer than 280
 *     characters"); never the channel's raw response, which may contain tokens or personal data
 * @param retryable whether sending the same reply later may succeed
 * @param attempts how many tries were made, 1 or more
 */
@EventType(value = "switchboard.delivery.reply.failed", version = 1)
public record ReplyFailed(
        UUID eventId,
        Instant occurredAt,
        UUID replyId,
        UUID ticketId,
        Channel channel,
        Code code,
        String reason,
        boolean retryable,
        int attempts) implements SwitchboardEvent {

    public enum Code {
        RATE_LIMITED,
        CHANNEL_UNAVAILABLE,
        /** The channel refused the content (too long, duplicate, policy). */
        CONTENT_REJECTED,
        /** The post answered or the recipient no longer exists or blocked us. */
        TARGET_NOT_FOUND,
        /** Our account's credentials are missing, expired or lack a permission. */
        NOT_AUTHORIZED,
        UNKNOWN
    }

    public ReplyFailed {
        Require.present(eventId, "eventId");
        Require.present(occurredAt, "occurredAt");
        Require.present(replyId, "replyId");
        Require.present(ticketId, "ticketId");
        Require.present(channel, "channel");
        Require.present(code, "code");
        Require.text(reason, "reason");
        Require.between(attempts, 1, Integer.MAX_VALUE, "attempts");
    }

    public static ReplyFailed of(UUID replyId, UUID ticketId, Channel channel, Code code, String reason, boolean retryable,
            int attempts) {
        return new ReplyFailed(SwitchboardEvent.newEventId(), SwitchboardEvent.now(), replyId, ticketId, channel, code,
                reason, retryable, attempts);
    }

    @Override
    public String aggregateId() {
        return replyId.toString();
    }
}
