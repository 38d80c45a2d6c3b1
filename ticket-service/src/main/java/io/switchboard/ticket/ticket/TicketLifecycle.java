package io.switchboard.ticket.ticket;

import static io.switchboard.events.ticket.TicketStatus.CLOSED;
import static io.switchboard.events.ticket.TicketStatus.NEW;
import static io.switchboard.events.ticket.TicketStatus.OPEN;
import static io.switchboard.events.ticket.TicketStatus.PENDING_CUSTOMER;
import static io.switchboard.events.ticket.TicketStatus.REOPENED;
import static io.switchboard.events.ticket.TicketStatus.RESOLVED;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import io.switchboard.events.ticket.TicketStatus;

/**
 * The ticket's state machine. Every status change, by an agent, a customer's message or the
 * system, goes through {@link #require}; anything not listed here is refused.
 *
 * <pre>
 *   NEW ──► OPEN ◄──► PENDING_CUSTOMER
 *    │       │              │
 *    └───────┴──► RESOLVED ◄┘ ──► REOPENED ──► OPEN | PENDING_CUSTOMER | RESOLVED
 *                    │
 *   (any but CLOSED) ┴──► CLOSED   (terminal: a later message opens a new, linked ticket)
 * </pre>
 */
public final class TicketLifecycle {

    private static final Map<TicketStatus, Set<TicketStatus>> NEXT = new EnumMap<>(TicketStatus.class);

    static {
        NEXT.put(NEW, EnumSet.of(OPEN, PENDING_CUSTOMER, RESOLVED, CLOSED));
        NEXT.put(OPEN, EnumSet.of(PENDING_CUSTOMER, RESOLVED, CLOSED));
        NEXT.put(PENDING_CUSTOMER, EnumSet.of(OPEN, RESOLVED, CLOSED));
        // Only a customer's message (or an agent on their behalf) brings a resolved ticket back.
        NEXT.put(RESOLVED, EnumSet.of(REOPENED, CLOSED));
        NEXT.put(REOPENED, EnumSet.of(OPEN, PENDING_CUSTOMER, RESOLVED, CLOSED));
        NEXT.put(CLOSED, EnumSet.noneOf(TicketStatus.class));
        for (TicketStatus status : TicketStatus.values()) {
            if (!NEXT.containsKey(status)) {
                throw new IllegalStateException("no transitions defined for " + status);
            }
        }
    }

    private TicketLifecycle() {
    }

    public static boolean allows(TicketStatus from, TicketStatus to) {
        return NEXT.get(from).contains(to);
    }

    /** @throws InvalidTransitionException if the state machine has no such transition */
    public static void require(TicketStatus from, TicketStatus to) {
        if (!allows(from, to)) {
            throw new InvalidTransitionException(from, to, NEXT.get(from));
        }
    }

    public static Set<TicketStatus> next(TicketStatus from) {
        return Collections.unmodifiableSet(NEXT.get(from));
    }

    /** Someone is working on it or will: the customer's new posts join it, its SLA clocks run. */
    public static boolean isActive(TicketStatus status) {
        return status == NEW || status == OPEN || status == PENDING_CUSTOMER || status == REOPENED;
    }

    /**
     * Where a customer's new message takes an active ticket: an answer to "pending customer" puts
     * it back on the agent's plate; otherwise it stays where it is (null: no change).
     */
    public static TicketStatus onCustomerMessage(TicketStatus status) {
        return status == PENDING_CUSTOMER ? OPEN : null;
    }

    /** Where an agent's reply takes the ticket when the agent names no status (null: no change). */
    public static TicketStatus onAgentReply(TicketStatus status) {
        return status == NEW || status == REOPENED ? OPEN : null;
    }
}
