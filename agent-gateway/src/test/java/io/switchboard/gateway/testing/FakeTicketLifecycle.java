package io.switchboard.gateway.testing;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.switchboard.events.ticket.TicketStatus;

/** ticket-service's state machine (its README, "Ticket state machine"), for {@link FakeTicketService}. */
final class FakeTicketLifecycle {

    private static final Map<TicketStatus, Set<TicketStatus>> NEXT = Map.of(
            TicketStatus.NEW, EnumSet.of(TicketStatus.OPEN, TicketStatus.PENDING_CUSTOMER, TicketStatus.RESOLVED, TicketStatus.CLOSED),
            TicketStatus.OPEN, EnumSet.of(TicketStatus.PENDING_CUSTOMER, TicketStatus.RESOLVED, TicketStatus.CLOSED),
            TicketStatus.PENDING_CUSTOMER, EnumSet.of(TicketStatus.OPEN, TicketStatus.RESOLVED, TicketStatus.CLOSED),
            TicketStatus.RESOLVED, EnumSet.of(TicketStatus.REOPENED, TicketStatus.CLOSED),
            TicketStatus.REOPENED, EnumSet.of(TicketStatus.OPEN, TicketStatus.PENDING_CUSTOMER, TicketStatus.RESOLVED,
                    TicketStatus.CLOSED),
            TicketStatus.CLOSED, EnumSet.noneOf(TicketStatus.class));

    private FakeTicketLifecycle() {
    }

    /** Where a ticket may go, in the enum's order (as ticket-service lists {@code nextStatuses}). */
    static Set<TicketStatus> next(TicketStatus from) {
        return NEXT.get(from);
    }

    /** 409 invalid-transition, worded as ticket-service words it. */
    static void require(TicketStatus from, TicketStatus to) {
        Set<TicketStatus> allowed = NEXT.get(from);
        if (!allowed.contains(to)) {
            throw FakeHttp.problem(409, "Conflict", FakeHttp.PROBLEM_TYPE + "invalid-transition", "A ticket cannot go from "
                    + from + " to " + to + "; from " + from + " it can go to " + (allowed.isEmpty() ? "nothing (it is final)"
                            : allowed.stream().map(Enum::name).sorted().collect(Collectors.joining(", "))));
        }
    }

    /** An agent's reply takes a NEW or REOPENED ticket to OPEN. */
    static TicketStatus onAgentReply(TicketStatus status) {
        return status == TicketStatus.NEW || status == TicketStatus.REOPENED ? TicketStatus.OPEN : null;
    }
}
