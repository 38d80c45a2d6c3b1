package io.switchboard.ticket.ticket;

import java.time.Instant;
import java.util.UUID;

import io.switchboard.events.SwitchboardEvent;
import io.switchboard.events.mention.Sentiment;
import io.switchboard.events.ticket.Customer;
import io.switchboard.events.ticket.MessageAdded;
import io.switchboard.events.ticket.TicketOpened;

/** The events that describe a ticket's entities, built the same way wherever they change. */
public final class TicketEvents {

    private TicketEvents() {
    }

    /**
     * @param customer the customer as the ticket's channel shows them
     * @param previousAgentId who handled this customer's previous ticket, for sticky routing
     * @param firstResponseDueAt null when no SLA applies
     */
    public static TicketOpened opened(Ticket ticket, Customer customer, String previousAgentId, Instant firstResponseDueAt) {
        Sentiment sentiment = ticket.sentiment == null ? null
                : new Sentiment(ticket.sentiment, ticket.sentimentScore == null ? 0.0 : ticket.sentimentScore);
        return new TicketOpened(SwitchboardEvent.newEventId(), ticket.createdAt, ticket.id, ticket.reference,
                ticket.channel, ticket.brandAccount, ticket.conversationId, ticket.visibility, ticket.firstMentionId,
                customer, ticket.language, ticket.intent, sentiment, ticket.priority, ticket.tagList(), ticket.team,
                previousAgentId, firstResponseDueAt);
    }

    public static MessageAdded added(TicketMessage message) {
        MessageAdded.Author author = new MessageAdded.Author(message.authorId, message.authorName);
        UUID eventId = SwitchboardEvent.newEventId();
        return new MessageAdded(eventId, message.createdAt, message.ticketId, message.id, message.kind, author,
                message.text, message.visibility, message.mentionId, message.externalId, message.replyId,
                message.deliveryState);
    }
}
