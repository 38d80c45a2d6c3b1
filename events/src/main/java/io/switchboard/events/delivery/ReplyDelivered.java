package io.switchboard.events.delivery;

import io.switchboard.events.Channel;
import io.switchboard.events.EventType;
import io.switchboard.events.Require;
import io.switchboard.events.SwitchboardEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * mention-service posted a reply on its channel. Keyed by the reply, so its outcomes stay in order.
 *
 * @param externalPostId the channel's id of the posted reply
 * @param permalink link to the posted reply, null if the channel has none
 * @param attempts how many tries it took, 1 or more
 */
@EventType(value = "switchboard.delivery.reply.delivered", version = 1)
public record ReplyDelivered(
        UUID eventId,
        Instant occurredAt,
        UUID replyId,
        UUID ticketId,
        Channel channel,
        String externalPostId,
        String permalink,
        int attempts) implements SwitchboardEvent {

    public ReplyDelivered {
        Require.present(eventId, "eventId");
        Require.present(occurredAt, "occurredAt");
        Require.present(replyId, "replyId");
        Require.present(ticketId, "ticketId");
        Require.present(channel, "channel");
        Require.text(externalPostId, "externalPostId");
        Require.between(attempts, 1, Integer.MAX_VALUE, "attempts");
    }

    public static ReplyDelivered of(UUID replyId, UUID ticketId, Channel channel, String externalPostId, String permalink,
            int attempts) {
        return new ReplyDelivered(SwitchboardEvent.newEventId(), SwitchboardEvent.now(), replyId, ticketId, channel,
                externalPostId, permalink, attempts);
    }

    @Override
    public String aggregateId() {
        return replyId.toString();
    }
}
