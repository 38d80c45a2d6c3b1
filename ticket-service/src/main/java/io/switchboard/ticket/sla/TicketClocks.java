package io.switchboard.ticket.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.switchboard.events.ticket.Priority;
import io.switchboard.events.ticket.SlaClock;
import io.switchboard.ticket.infra.persistence.Changes;

/**
 * The live (not stopped) SLA clocks of one ticket, and what happens to them. Changes are made on
 * the entities (Hibernate writes them) and new clocks are added to the transaction's changes.
 */
public final class TicketClocks {

    private final UUID ticketId;
    private final List<TicketClock> live;
    private final SlaPolicies policies;

    TicketClocks(UUID ticketId, List<TicketClock> live, SlaPolicies policies) {
        this.ticketId = ticketId;
        this.live = new ArrayList<>(live);
        this.policies = policies;
    }

    /** Starts a clock of this kind unless one is live already (which keeps running as it was). */
    public TicketClock start(SlaClock kind, Priority priority, Instant at, Changes changes) {
        Optional<TicketClock> existing = find(kind);
        if (existing.isPresent()) {
            return existing.get();
        }
        TicketClock clock = new TicketClock();
        clock.id = UUID.randomUUID();
        clock.ticketId = ticketId;
        clock.clock = kind;
        clock.aroundTheClock = policies.policy(priority).aroundTheClock();
        clock.budgetSeconds = policies.budget(priority, kind).toSeconds();
        clock.startedAt = at;
        clock.runningSince = at;
        schedule(clock);
        live.add(clock);
        changes.row(clock);
        return clock;
    }

    /** Stops the live clocks of these kinds (met, or breached already if the scanner said so). */
    public void stop(Instant at, SlaClock... kinds) {
        for (SlaClock kind : kinds) {
            find(kind).ifPresent(clock -> {
                bank(clock, at);
                clock.stoppedAt = at;
                clock.pausedAt = null;
                clock.warnAt = null;
                live.remove(clock);
            });
        }
    }

    public void stopAll(Instant at) {
        stop(at, SlaClock.values());
    }

    /** Pending the customer: the clocks keep the business time used and stop counting. */
    public void pause(Instant at) {
        for (TicketClock clock : live) {
            if (clock.isRunning()) {
                bank(clock, at);
                clock.pausedAt = at;
                clock.warnAt = null;
                clock.dueAt = null;
            }
        }
    }

    public void resume(Instant at) {
        for (TicketClock clock : live) {
            if (clock.isPaused()) {
                clock.runningSince = at;
                clock.pausedAt = null;
                schedule(clock);
            }
        }
    }

    /** A new priority brings its policy's budgets; due instants move accordingly. */
    public void reprioritize(Priority priority) {
        for (TicketClock clock : live) {
            clock.budgetSeconds = policies.budget(priority, clock.clock).toSeconds();
            clock.aroundTheClock = policies.policy(priority).aroundTheClock();
            if (clock.isRunning()) {
                schedule(clock);
            }
        }
    }

    public boolean has(SlaClock kind) {
        return find(kind).isPresent();
    }

    private Optional<TicketClock> find(SlaClock kind) {
        return live.stream().filter(clock -> clock.clock == kind).findFirst();
    }

    /** Adds the business time of the current run to what the clock has used, and ends the run. */
    private void bank(TicketClock clock, Instant at) {
        if (clock.runningSince != null) {
            clock.usedSeconds += policies.calendar(clock.aroundTheClock).between(clock.runningSince, at).toSeconds();
            clock.runningSince = null;
        }
    }

    private void schedule(TicketClock clock) {
        BusinessCalendar calendar = policies.calendar(clock.aroundTheClock);
        long left = Math.max(0, clock.budgetSeconds - clock.usedSeconds);
        clock.dueAt = calendar.plus(clock.runningSince, Duration.ofSeconds(left));
        long warnAfter = Math.round(clock.budgetSeconds * policies.warningAt());
        clock.warnAt = clock.warnedAt != null ? null
                : calendar.plus(clock.runningSince, Duration.ofSeconds(Math.max(0, warnAfter - clock.usedSeconds)));
    }
}
