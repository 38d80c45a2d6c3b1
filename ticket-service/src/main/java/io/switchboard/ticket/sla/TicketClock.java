package io.switchboard.ticket.sla;

import java.time.Instant;
import java.util.UUID;

import io.switchboard.events.ticket.SlaClock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One run of an SLA clock of a ticket. While running, {@code dueAt} is when it breaches and
 * {@code warnAt} when it warns; while paused both are null and {@code usedSeconds} holds the
 * business time used so far. {@code warnedAt} and {@code breachedAt} are set once, by the scanner.
 */
@Entity
@Table(name = "sla_clock")
public class TicketClock {

    @Id
    public UUID id;

    @Column(name = "ticket_id", nullable = false, updatable = false)
    public UUID ticketId;

    @Enumerated(EnumType.STRING)
    @Column(name = "clock", nullable = false, updatable = false)
    public SlaClock clock;

    @Column(name = "around_the_clock", nullable = false)
    public boolean aroundTheClock;

    @Column(name = "budget_seconds", nullable = false)
    public long budgetSeconds;

    @Column(name = "used_seconds", nullable = false)
    public long usedSeconds;

    @Column(name = "started_at", nullable = false, updatable = false)
    public Instant startedAt;

    @Column(name = "running_since")
    public Instant runningSince;

    @Column(name = "warn_at")
    public Instant warnAt;

    @Column(name = "due_at")
    public Instant dueAt;

    @Column(name = "paused_at")
    public Instant pausedAt;

    @Column(name = "stopped_at")
    public Instant stoppedAt;

    @Column(name = "warned_at")
    public Instant warnedAt;

    @Column(name = "breached_at")
    public Instant breachedAt;

    public boolean isRunning() {
        return stoppedAt == null && runningSince != null;
    }

    public boolean isPaused() {
        return stoppedAt == null && runningSince == null;
    }

    /** RUNNING, PAUSED, MET or BREACHED, as the API shows it. */
    public String state() {
        if (breachedAt != null) {
            return "BREACHED";
        }
        if (stoppedAt != null) {
            return "MET";
        }
        return runningSince == null ? "PAUSED" : "RUNNING";
    }
}
