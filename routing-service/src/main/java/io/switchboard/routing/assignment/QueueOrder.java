package io.switchboard.routing.assignment;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;

import io.switchboard.events.ticket.Priority;

/**
 * The order of a queue: highest effective priority first, then the longest waiting. A ticket's
 * effective priority rises one level for every aging step it has waited, up to a ceiling, so a
 * low-priority ticket cannot starve behind a stream of urgent ones: once it reaches the ceiling it
 * competes on age alone, and it is older than everything that arrives after it.
 *
 * <p>The SQL of {@link io.switchboard.routing.ticket.TicketStore#waitingPage} computes the same
 * order; {@code QueueOrderSqlTest} holds the two together.
 */
public final class QueueOrder {

    private final long stepMicros;
    private final int ceiling;

    public QueueOrder(Duration agingStep, Priority ceiling) {
        if (agingStep.isZero() || agingStep.isNegative()) {
            throw new IllegalArgumentException("the aging step must be positive");
        }
        this.stepMicros = agingStep.toNanos() / 1000;
        this.ceiling = ceiling.ordinal();
    }

    public long stepMicros() {
        return stepMicros;
    }

    public int ceiling() {
        return ceiling;
    }

    /** The priority rank (LOW=0 ... URGENT=3) the ticket competes with at {@code now}; aging never lowers it. */
    public int effectiveRank(Priority priority, Instant queuedAt, Instant now) {
        int base = priority.ordinal();
        long steps = Math.max(0, Math.floorDiv(ChronoUnit.MICROS.between(queuedAt, now), stepMicros));
        long aged = Math.min(base + steps, ceiling);
        return (int) Math.max(base, aged);
    }

    public Comparator<WaitingTicket> at(Instant now) {
        return Comparator.<WaitingTicket>comparingInt(t -> -effectiveRank(t.priority(), t.queuedAt(), now))
                .thenComparing(WaitingTicket::queuedAt)
                .thenComparing(WaitingTicket::ticketId);
    }
}
