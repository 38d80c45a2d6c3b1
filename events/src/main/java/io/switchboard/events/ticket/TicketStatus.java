package io.switchboard.events.ticket;

/** A ticket's lifecycle. REOPENED is kept apart from OPEN so reports can count repeat contacts. */
public enum TicketStatus {
    NEW,
    OPEN,
    PENDING_CUSTOMER,
    RESOLVED,
    CLOSED,
    REOPENED
}
