package io.switchboard.ticket.ticket;

import java.util.Set;
import java.util.stream.Collectors;

import io.switchboard.events.ticket.TicketStatus;

/** A status change the state machine does not allow; the API answers 409. */
public class InvalidTransitionException extends RuntimeException {

    private final TicketStatus from;
    private final TicketStatus to;

    public InvalidTransitionException(TicketStatus from, TicketStatus to, Set<TicketStatus> allowed) {
        super("A ticket cannot go from " + from + " to " + to + "; from " + from + " it can go to "
                + (allowed.isEmpty() ? "nothing (it is final)"
                        : allowed.stream().map(Enum::name).sorted().collect(Collectors.joining(", "))));
        this.from = from;
        this.to = to;
    }

    public TicketStatus from() {
        return from;
    }

    public TicketStatus to() {
        return to;
    }
}
