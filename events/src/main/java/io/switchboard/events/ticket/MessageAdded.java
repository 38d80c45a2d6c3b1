package io.switchboard.events.ticket;

import io.switchboard.events.EventType;
import io.switchboard.events.Require;
import io.switchboard.events.SwitchboardEvent;
import io.switchboard.events.Visibility;
import java.time.Instant;
import java.util.UUID;

/**
 * A message on a ticket's conversation: the customer's post, an agent's reply or an internal note.
 * Use the factories; they fill the fields each kind needs.
 *
 * @param author the customer (id = customer id) or the agent (id = OIDC subject)
 * @param text may contain personal data, never log it
 * @param visibility PUBLIC or PRIVATE on the channel; null for internal notes, which never leave
 * @param mentionId the mention a customer message came from; null otherwise
 * @param externalId the channel's post id of a customer message; null otherwise
 * @param replyId the reply an agent message is sent as (see ReplyRequested); null otherwise
 * @param delivery the reply's state when added (PENDING); null for other kinds. Later changes come
 *     as {@link MessageDeliveryChanged}.
 */
@EventType(value = "switchboard.ticket.message.added", version = 1)
public record MessageAdded(
        UUID eventId,
        Instant occurredAt,
        UUID ticketId,
        UUID messageId,
        Kind kind,
        Author author,
        String text,
        Visibility visibility,
        UUID mentionId,
        String externalId,
        UUID replyId,
        DeliveryState delivery) implements SwitchboardEvent {

    public enum Kind {
        CUSTOMER,
        AGENT_REPLY,
        INTERNAL_NOTE
    }

    /** Who wrote a message. */
    public record Author(String id, String displayName) {
        public Author {
            Require.text(id, "author.id");
        }
    }

    public MessageAdded {
        Require.present(eventId, "eventId");
        Require.present(occurredAt, "occurredAt");
        Require.present(ticketId, "ticketId");
        Require.present(messageId, "messageId");
        Require.present(kind, "kind");
        Require.present(author, "author");
        Require.present(text, "text");
        switch (kind) {
            case CUSTOMER -> {
                Require.present(visibility, "visibility");
                Require.present(mentionId, "mentionId (customer message)");
            }
            case AGENT_REPLY -> {
                Require.present(visibility, "visibility");
                Require.present(replyId, "replyId (agent reply)");
                Require.present(delivery, "delivery (agent reply)");
            }
            case INTERNAL_NOTE -> {
                if (visibility != null) {
                    throw new IllegalArgumentException("an internal note has no visibility");
                }
            }
        }
    }

    public static MessageAdded customer(UUID ticketId, UUID messageId, Author author, String text,
            Visibility visibility, UUID mentionId, String externalId) {
        return new MessageAdded(SwitchboardEvent.newEventId(), SwitchboardEvent.now(), ticketId, messageId,
                Kind.CUSTOMER, author, text, visibility, mentionId, externalId, null, null);
    }

    public static MessageAdded agentReply(UUID ticketId, UUID messageId, Author author, String text,
            Visibility visibility, UUID replyId) {
        return new MessageAdded(SwitchboardEvent.newEventId(), SwitchboardEvent.now(), ticketId, messageId,
                Kind.AGENT_REPLY, author, text, visibility, null, null, replyId, DeliveryState.PENDING);
    }

    public static MessageAdded internalNote(UUID ticketId, UUID messageId, Author author, String text) {
        return new MessageAdded(SwitchboardEvent.newEventId(), SwitchboardEvent.now(), ticketId, messageId,
                Kind.INTERNAL_NOTE, author, text, null, null, null, null, null);
    }

    @Override
    public String aggregateId() {
        return ticketId.toString();
    }
}
