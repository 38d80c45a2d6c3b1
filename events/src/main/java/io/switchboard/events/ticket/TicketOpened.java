package io.switchboard.events.ticket;

import io.switchboard.events.Channel;
import io.switchboard.events.EventType;
import io.switchboard.events.Require;
import io.switchboard.events.SwitchboardEvent;
import io.switchboard.events.Visibility;
import io.switchboard.events.mention.Intent;
import io.switchboard.events.mention.Sentiment;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A new ticket, carrying everything routing-service needs to pick an agent without calling back.
 * Its first customer message follows as {@link MessageAdded}.
 *
 * @param reference the number people quote, e.g. {@code SW-10423}
 * @param mentionId the mention that opened the ticket
 * @param brandAccount our account that was addressed; replies are sent from it (null: default)
 * @param language language to route by (BCP 47), null if unknown
 * @param sentiment null if triage gave none
 * @param teamHint team suggested by rules (brand account, keywords), null if none
 * @param previousAgentId the agent who last handled this customer, for sticky routing; null if none
 * @param firstResponseDueAt when the first-response SLA breaches, null if no SLA applies
 */
@EventType(value = "switchboard.ticket.opened", version = 1)
public record TicketOpened(
        UUID eventId,
        Instant occurredAt,
        UUID ticketId,
        String reference,
        Channel channel,
        String brandAccount,
        String conversationId,
        Visibility visibility,
        UUID mentionId,
        Customer customer,
        String language,
        Intent intent,
        Sentiment sentiment,
        Priority priority,
        List<String> tags,
        String teamHint,
        String previousAgentId,
        Instant firstResponseDueAt) implements SwitchboardEvent {

    public TicketOpened {
        Require.present(eventId, "eventId");
        Require.present(occurredAt, "occurredAt");
        Require.present(ticketId, "ticketId");
        Require.text(reference, "reference");
        Require.present(channel, "channel");
        Require.text(conversationId, "conversationId");
        Require.present(visibility, "visibility");
        Require.present(mentionId, "mentionId");
        Require.present(customer, "customer");
        Require.present(intent, "intent");
        Require.present(priority, "priority");
        tags = Require.list(tags, "tags");
    }

    @Override
    public String aggregateId() {
        return ticketId.toString();
    }

    public String conversationKey() {
        return channel.conversationKey(conversationId);
    }
}
