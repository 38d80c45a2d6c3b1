package io.switchboard.ticket.thread;

import java.util.UUID;

import io.switchboard.events.Actor;
import io.switchboard.events.mention.MentionReceived;
import io.switchboard.events.ticket.MessageAdded;
import io.switchboard.ticket.customer.CustomerIdentity;
import io.switchboard.ticket.infra.persistence.Changes;
import io.switchboard.ticket.ticket.Ticket;
import io.switchboard.ticket.ticket.TicketEvents;
import io.switchboard.ticket.ticket.TicketMessage;
import jakarta.enterprise.context.ApplicationScoped;

/** Records a customer's post on a ticket: the message, its event and its audit line. */
@ApplicationScoped
public class CustomerMessages {

    public TicketMessage add(Ticket ticket, MentionReceived mention, CustomerIdentity identity, Changes changes) {
        TicketMessage message = new TicketMessage();
        message.id = UUID.randomUUID();
        message.ticketId = ticket.id;
        message.kind = MessageAdded.Kind.CUSTOMER;
        message.authorId = identity.customerId.toString();
        message.authorName = identity.displayName != null ? identity.displayName : identity.handle;
        message.text = MentionLimits.storable(mention.text());
        message.redactedText = MentionLimits.storable(mention.triage().redactedText());
        message.visibility = mention.visibility();
        message.mentionId = mention.mentionId();
        message.externalId = mention.externalId();
        message.conversationId = mention.conversationId();
        message.inReplyToExternalId = mention.inReplyToExternalId();
        message.postedAt = mention.postedAt();
        message.createdAt = changes.at();

        if (ticket.lastCustomerMessageAt == null || mention.acceptedAt().isAfter(ticket.lastCustomerMessageAt)) {
            ticket.lastCustomerMessageAt = mention.acceptedAt();
        }
        ticket.touch(changes.at());

        changes.row(message)
                .event(TicketEvents.added(message))
                .audit(ticket.id, identity.customerId, Actor.customer(identity.customerId), "MESSAGE_ADDED",
                        "customer message " + message.id + " from mention " + mention.mentionId());
        return message;
    }
}
