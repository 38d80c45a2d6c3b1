package io.switchboard.routing.assignment;

import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.switchboard.routing.assignment.Decisions.Step;
import io.switchboard.routing.infra.db.Transactions;
import io.switchboard.routing.queue.Queue;
import io.switchboard.routing.ticket.RoutedTicket;
import io.switchboard.routing.ticket.TicketStore;

/**
 * A ticket that waited longer than its queue allows moves to the queue's overflow queue (another
 * team), keeping its age; it moves once, so two queues overflowing into each other cannot bounce it.
 */
public final class Overflows {

    private final Decisions decisions;
    private final Transactions transactions;
    private final TicketContext.Loader loader;
    private final TicketStore tickets;
    private final TicketMoves moves;
    private final int batchSize;

    public Overflows(Decisions decisions, Transactions transactions, TicketContext.Loader loader, TicketStore tickets,
            TicketMoves moves, int batchSize) {
        this.decisions = decisions;
        this.transactions = transactions;
        this.loader = loader;
        this.tickets = tickets;
        this.moves = moves;
        this.batchSize = batchSize;
    }

    /** Moves every overdue ticket (one transaction each); returns how many moved. */
    public Uni<Integer> sweep() {
        return transactions.read(connection -> tickets.overflowDue(connection, batchSize))
                .flatMap(due -> Multi.createFrom().iterable(due)
                        .onItem().transformToUniAndConcatenate(this::overflow)
                        .collect().asList())
                .map(moved -> (int) moved.stream().filter(Boolean::booleanValue).count());
    }

    public Uni<Boolean> overflow(UUID ticketId) {
        return decisions.decide(connection -> loader.peek(connection, ticketId).map(peeked -> {
            if (peeked.isEmpty() || target(peeked.get()) == null) {
                return Step.none(false);
            }
            return Step.of(teams(peeked.get()), tx -> loader.lock(tx, ticketId).flatMap(locked -> {
                TicketContext context = locked.orElseThrow();
                Queue target = target(context);
                if (target == null || !due(context, tx)) {
                    return Uni.createFrom().item(false);
                }
                tx.requireLocked(teams(context));
                RoutedTicket ticket = context.ticket();
                return moves.enqueue(tx, ticket, target.id(), ticket.escalated(), true, false, false).replaceWith(true);
            }));
        }));
    }

    private static Queue target(TicketContext context) {
        RoutedTicket ticket = context.ticket();
        Queue queue = context.queue();
        if (ticket.status() != RoutedTicket.Status.WAITING || ticket.overflowed() || ticket.escalated()
                || queue.overflowQueueId() == null) {
            return null;
        }
        return context.queues().get(queue.overflowQueueId());
    }

    private static boolean due(TicketContext context, RoutingTx tx) {
        Duration waited = Duration.between(context.ticket().queuedAt(), tx.now());
        return waited.compareTo(context.queue().overflowAfter()) >= 0;
    }

    private static Set<String> teams(TicketContext context) {
        Set<String> teams = new TreeSet<>();
        teams.add(context.queue().team());
        Queue target = target(context);
        if (target != null) {
            teams.add(target.team());
        }
        return teams;
    }
}
