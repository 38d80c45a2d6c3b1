package io.switchboard.events.ticket;

/** A ticket's priority; queues serve the highest first, then the oldest. */
public enum Priority {
    LOW,
    NORMAL,
    HIGH,
    URGENT
}
