package io.switchboard.ticket.customer;

import java.util.Optional;
import java.util.Set;

import io.switchboard.events.SwitchboardEvent;
import io.switchboard.events.customer.CustomerIdentityLinked;
import io.switchboard.events.ticket.Customer;
import io.switchboard.events.ticket.MessageAdded;
import io.switchboard.events.ticket.MessageDeliveryChanged;
import io.switchboard.events.ticket.ReplyRequested;
import io.switchboard.events.ticket.TicketOpened;
import io.switchboard.events.ticket.TicketPriorityChanged;
import io.switchboard.events.ticket.TicketStatusChanged;

/**
 * What an erased customer's events that have not left the outbox yet become. An instruction to act
 * on their data is withdrawn: a reply to them is not sent, and a link of one of their accounts is
 * superseded by CustomerErased, which names every identity they had. A fact the other services
 * must still learn (a ticket opened, a message added, a status changed) goes out without content:
 * texts become {@value CustomerPrivacy#ERASED}, names, handles, post ids and free-text reasons go.
 * The rest (ids, statuses, tags, SLA clocks, merges) carries no content and goes out as it is.
 */
final class ErasedEvents {

    private ErasedEvents() {
    }

    /**
     * An event about one of the erased customer's tickets, or about the customer themselves: as it
     * may still be published, or empty when it must not be.
     */
    static Optional<SwitchboardEvent> theirs(SwitchboardEvent event) {
        if (event instanceof ReplyRequested || event instanceof CustomerIdentityLinked) {
            return Optional.empty();
        }
        if (event instanceof MessageAdded added) {
            return Optional.of(withoutContent(added));
        }
        if (event instanceof TicketOpened o) {
            Customer anonymous = new Customer(o.customer().customerId(), null, null, o.customer().followerCount());
            return Optional.of(new TicketOpened(o.eventId(), o.occurredAt(), o.ticketId(), o.reference(), o.channel(),
                    o.brandAccount(), CustomerPrivacy.ERASED, o.visibility(), o.mentionId(), anonymous, o.language(),
                    o.intent(), o.sentiment(), o.priority(), o.tags(), o.teamHint(), o.previousAgentId(),
                    o.firstResponseDueAt()));
        }
        if (event instanceof MessageDeliveryChanged d) {
            return Optional.of(new MessageDeliveryChanged(d.eventId(), d.occurredAt(), d.ticketId(), d.messageId(),
                    d.replyId(), d.state(), null, null, d.retryable()));
        }
        if (event instanceof TicketStatusChanged s) {
            return Optional.of(new TicketStatusChanged(s.eventId(), s.occurredAt(), s.ticketId(), s.from(), s.to(),
                    s.actor(), null));
        }
        if (event instanceof TicketPriorityChanged p) {
            return Optional.of(new TicketPriorityChanged(p.eventId(), p.occurredAt(), p.ticketId(), p.from(), p.to(),
                    p.actor(), null));
        }
        return Optional.of(event);
    }

    /**
     * An event about another customer's ticket that holds some of the erased customer's posts
     * (their ticket was merged into it): only those posts lose their content.
     *
     * @param authors the erased customer's ids (theirs and those merged into them), as message authors
     */
    static SwitchboardEvent onAnotherTicket(SwitchboardEvent event, Set<String> authors) {
        if (event instanceof MessageAdded added && added.kind() == MessageAdded.Kind.CUSTOMER
                && authors.contains(added.author().id())) {
            return withoutContent(added);
        }
        return event;
    }

    private static MessageAdded withoutContent(MessageAdded m) {
        return new MessageAdded(m.eventId(), m.occurredAt(), m.ticketId(), m.messageId(), m.kind(),
                new MessageAdded.Author(m.author().id(), null), CustomerPrivacy.ERASED, m.visibility(), m.mentionId(),
                null, m.replyId(), m.delivery());
    }
}
