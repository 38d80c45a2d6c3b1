package io.switchboard.ticket.ticket.api;

import java.time.Instant;

import io.switchboard.events.ticket.SlaClock;

/**
 * One SLA clock of a ticket.
 *
 * @param state RUNNING, PAUSED (pending the customer), MET (stopped in time) or BREACHED
 * @param dueAt when it breaches; null while paused
 */
public record SlaClockView(SlaClock clock, String state, Instant startedAt, Instant dueAt, Instant warnedAt,
        Instant breachedAt, Instant stoppedAt) {
}
