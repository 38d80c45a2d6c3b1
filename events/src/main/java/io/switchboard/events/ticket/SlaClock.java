package io.switchboard.events.ticket;

/** The SLA clocks ticket-service runs for every ticket. */
public enum SlaClock {
    /** From the first customer message to the first agent reply. */
    FIRST_RESPONSE,
    /** From each later customer message to the next agent reply. */
    NEXT_RESPONSE,
    /** From opening to resolution, paused while pending the customer. */
    RESOLUTION
}
