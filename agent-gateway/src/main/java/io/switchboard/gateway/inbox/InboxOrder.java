package io.switchboard.gateway.inbox;

import java.time.Instant;
import java.util.Comparator;

import io.switchboard.events.ticket.Priority;
import io.switchboard.gateway.ticket.TicketCard;

/**
 * The order an agent works in: the SLA that breaches first, then the higher priority, then the
 * oldest. Tickets without a running SLA clock (pending the customer) go last.
 */
public final class InboxOrder {

    public static final Comparator<TicketCard> MOST_URGENT_FIRST = Comparator
            .comparing(TicketCard::slaDueAt, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
            .thenComparing(TicketCard::priority, Comparator.nullsLast(Comparator.<Priority>reverseOrder()))
            .thenComparing(TicketCard::createdAt, Comparator.nullsLast(Comparator.<Instant>naturalOrder()));

    private InboxOrder() {
    }
}
