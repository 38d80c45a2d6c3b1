package io.switchboard.gateway.inbox;

import java.time.Instant;
import java.util.Comparator;

import io.switchboard.events.ticket.Priority;
import io.switchboard.gateway.downstream.TicketSummary;

/**
 * The order an agent works in: the SLA that breaches first, then the higher priority, then the
 * oldest. Tickets without a running SLA clock (pending the customer) go last.
 */
public final class InboxOrder {

    public static final Comparator<TicketSummary> MOST_URGENT_FIRST = Comparator
            .comparing(TicketSummary::slaDueAt, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
            .thenComparing(TicketSummary::priority, Comparator.nullsLast(Comparator.<Priority>reverseOrder()))
            .thenComparing(TicketSummary::createdAt, Comparator.nullsLast(Comparator.<Instant>naturalOrder()));

    private InboxOrder() {
    }
}
