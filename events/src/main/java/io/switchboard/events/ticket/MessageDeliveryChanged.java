package io.switchboard.events.ticket;

import io.switchboard.events.EventType;
import io.switchboard.events.Require;
import io.switchboard.events.SwitchboardEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * ticket-service recorded a delivery outcome (from delivery-events) on an agent's reply. It exists
 * because agent-gateway reads ticket-events, not delivery-events, and the agent must see whether
 * the reply went out.
 *
 * @param externalPostId the channel's id of the posted reply, when DELIVERED
 * @param failureReason what went wrong, in words an agent can act on, when FAILED
 * @param retryable when FAILED: whether sending again may succeed
 */
@EventType(value = "switchboard.ticket.message.delivery.changed", version = 1)
public record MessageDeliveryChanged(
        UUID eventId,
        Instant occurredAt,
        UUID ticketId,
        UUID messageId,
        UUID replyId,
        DeliveryState state,
        String externalPostId,
        String failureReason,
        boolean retryable) implements SwitchboardEvent {

    public MessageDeliveryChanged {
        Require.present(eventId, "eventId");
        Require.present(occurredAt, "occurredAt");
        Require.present(ticketId, "ticketId");
        Require.present(messageId, "messageId");
        Require.present(replyId, "replyId");
        Require.present(state, "state");
    }

    public static MessageDeliveryChanged delivered(UUID ticketId, UUID messageId, UUID replyId, String externalPostId) {
        return new MessageDeliveryChanged(SwitchboardEvent.newEventId(), SwitchboardEvent.now(), ticketId, messageId,
                replyId, DeliveryState.DELIVERED, externalPostId, null, false);
    }

    public static MessageDeliveryChanged failed(UUID ticketId, UUID messageId, UUID replyId, String reason,
            boolean retryable) {
        return new MessageDeliveryChanged(SwitchboardEvent.newEventId(), SwitchboardEvent.now(), ticketId, messageId,
                replyId, DeliveryState.FAILED, null, reason, retryable);
    }

    @Override
    public String aggregateId() {
        return ticketId.toString();
    }
}
