package io.switchboard.events.ticket;

import io.switchboard.events.Channel;
import io.switchboard.events.EventType;
import io.switchboard.events.Require;
import io.switchboard.events.SwitchboardEvent;
import io.switchboard.events.Visibility;
import java.time.Instant;
import java.util.UUID;

/**
 * An agent's reply to be posted on the channel. mention-service sends it at most once per
 * {@code replyId} (its idempotency key towards the channel) and answers with ReplyDelivered or
 * ReplyFailed on delivery-events.
 *
 * @param messageId the ticket message holding the reply
 * @param brandAccount our account to post from; null: the channel's default account
 * @param inReplyToExternalId the post answered; required for a public reply so it lands in the
 *     thread rather than as a free-standing post
 * @param recipient whom a private reply goes to
 * @param text final text, already checked against the channel's limits and for personal data
 * @param requestedBy the agent's OIDC subject
 */
@EventType(value = "switchboard.ticket.reply.requested", version = 1)
public record ReplyRequested(
        UUID eventId,
        Instant occurredAt,
        UUID replyId,
        UUID ticketId,
        UUID messageId,
        Channel channel,
        String brandAccount,
        Visibility visibility,
        String conversationId,
        String inReplyToExternalId,
        Recipient recipient,
        String text,
        String requestedBy) implements SwitchboardEvent {

    /**
     * @param platformId the customer's channel user id; for the ask-us form their e-mail address
     */
    public record Recipient(String platformId, String handle) {
        public Recipient {
            Require.text(platformId, "recipient.platformId");
        }
    }

    public ReplyRequested {
        Require.present(eventId, "eventId");
        Require.present(occurredAt, "occurredAt");
        Require.present(replyId, "replyId");
        Require.present(ticketId, "ticketId");
        Require.present(messageId, "messageId");
        Require.present(channel, "channel");
        Require.present(visibility, "visibility");
        Require.text(conversationId, "conversationId");
        if (visibility == Visibility.PUBLIC) {
            Require.text(inReplyToExternalId, "inReplyToExternalId (public reply)");
        }
        Require.present(recipient, "recipient");
        Require.text(text, "text");
        Require.text(requestedBy, "requestedBy");
    }

    @Override
    public String aggregateId() {
        return ticketId.toString();
    }
}
