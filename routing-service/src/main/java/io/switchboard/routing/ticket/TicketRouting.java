package io.switchboard.routing.ticket;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.SwitchboardEvent;
import io.switchboard.events.routing.AssignmentReleased;
import io.switchboard.events.ticket.Priority;
import io.switchboard.events.ticket.TicketOpened;
import io.switchboard.events.ticket.TicketStatusChanged;
import io.switchboard.routing.agent.Teams;
import io.switchboard.routing.assignment.AssignmentStore;
import io.switchboard.routing.assignment.Decisions;
import io.switchboard.routing.assignment.Decisions.Step;
import io.switchboard.routing.assignment.RoutingTx;
import io.switchboard.routing.assignment.TicketContext;
import io.switchboard.routing.assignment.TicketMoves;
import io.switchboard.routing.queue.Placement;
import io.switchboard.routing.queue.Queue;
import io.switchboard.routing.queue.QueueStore;
import io.switchboard.routing.queue.RuleStore;
import io.switchboard.routing.queue.TicketFacts;

/** What ticket-events mean for routing: a ticket to place, one to let go, one coming back. */
public final class TicketRouting {

    private final Decisions decisions;
    private final TicketContext.Loader loader;
    private final TicketStore tickets;
    private final AssignmentStore assignments;
    private final RuleStore rules;
    private final QueueStore queues;
    private final TicketMoves moves;
    private final Placement placement;
    private final Teams teams;

    public TicketRouting(Decisions decisions, TicketContext.Loader loader, TicketStore tickets, AssignmentStore assignments,
            RuleStore rules, QueueStore queues, TicketMoves moves, Placement placement, Teams teams) {
        this.decisions = decisions;
        this.loader = loader;
        this.tickets = tickets;
        this.assignments = assignments;
        this.rules = rules;
        this.queues = queues;
        this.moves = moves;
        this.placement = placement;
        this.teams = teams;
    }

    /** Places the ticket in its queue; dispatch then assigns it at once if someone can take it. */
    public Uni<Void> open(TicketOpened opened) {
        return decisions.<Void>decideOnce(opened, connection -> rules.all(connection)
                .flatMap(ruleList -> queues.all(connection).map(all -> {
                    Placement.Decision decision = placement.place(TicketFacts.of(opened), ruleList, all);
                    Queue queue = all.get(decision.queueId());
                    if (queue == null) {
                        throw new IllegalStateException("queue " + decision.queueId() + " is not configured");
                    }
                    return Step.of(Set.of(queue.team()), tx -> insert(tx, opened, queue, decision.escalated()));
                })));
    }

    private Uni<Void> insert(RoutingTx tx, TicketOpened opened, Queue queue, boolean escalated) {
        TicketFacts facts = TicketFacts.of(opened);
        Instant queuedAt = opened.occurredAt().isAfter(tx.now()) ? tx.now() : opened.occurredAt();
        RoutedTicket ticket = new RoutedTicket(opened.ticketId(), opened.reference(), opened.channel(), facts.language(),
                opened.intent(), opened.priority(), facts.tags(), opened.previousAgentId(), null, queue.id(),
                RoutedTicket.Status.WAITING, queuedAt, escalated, false, opened.occurredAt(), null);
        return tickets.insert(tx.connection(), ticket).invoke(inserted -> {
            if (inserted) {
                tx.enqueued(new RoutingTx.Enqueued(ticket.ticketId(), queue.id(), ticket.language(), ticket.priority(), false));
            }
        }).replaceWithVoid();
    }

    public Uni<Void> statusChanged(TicketStatusChanged changed) {
        return switch (changed.to()) {
            case RESOLVED -> finish(changed, changed.ticketId(), AssignmentReleased.Reason.RESOLVED);
            case CLOSED -> finish(changed, changed.ticketId(), AssignmentReleased.Reason.CLOSED);
            case REOPENED -> reopen(changed);
            case PENDING_CUSTOMER -> answered(changed, changed.ticketId(), changed.occurredAt());
            case NEW, OPEN -> Uni.createFrom().voidItem();
        };
    }

    /** The ticket is done (resolved, closed, merged away): its agent's capacity is free again. */
    public Uni<Void> finish(SwitchboardEvent event, UUID ticketId, AssignmentReleased.Reason reason) {
        return decisions.<Void>decideOnce(event, connection -> loader.peek(connection, ticketId).map(peeked -> {
            if (peeked.isEmpty() || peeked.get().ticket().status() == RoutedTicket.Status.CLOSED) {
                return Step.none(null);
            }
            return Step.of(peeked.get().teams(teams), tx -> loader.lock(tx, ticketId).flatMap(locked -> {
                TicketContext context = locked.orElseThrow();
                tx.requireLocked(context.teams(teams));
                if (context.ticket().status() == RoutedTicket.Status.CLOSED) {
                    return Uni.createFrom().voidItem();
                }
                // A ticket closed while it waited leaves its queue without a decision: the log says so.
                Uni<Void> leave = context.assignment().isPresent()
                        ? moves.release(tx, context.assignment().get(), reason)
                        : tickets.logClosedWhileWaiting(tx.connection(), ticketId, context.ticket().queueId());
                return leave.flatMap(ignored -> tickets.close(tx.connection(), ticketId));
            }));
        }));
    }

    /** A reopened ticket waits again, from now, and goes back to its last agent if they can take it. */
    private Uni<Void> reopen(TicketStatusChanged changed) {
        UUID ticketId = changed.ticketId();
        return decisions.<Void>decideOnce(changed, connection -> loader.peek(connection, ticketId).map(peeked -> {
            if (peeked.isEmpty() || peeked.get().ticket().status() != RoutedTicket.Status.CLOSED) {
                return Step.none(null);
            }
            return Step.of(peeked.get().teams(teams), tx -> loader.lock(tx, ticketId).flatMap(locked -> {
                TicketContext context = locked.orElseThrow();
                tx.requireLocked(context.teams(teams));
                RoutedTicket ticket = context.ticket();
                if (ticket.status() != RoutedTicket.Status.CLOSED) {
                    return Uni.createFrom().voidItem();
                }
                return moves.enqueue(tx, ticket, ticket.queueId(), ticket.escalated(), ticket.overflowed(), true, true);
            }));
        }));
    }

    /** The agent replied: the ticket is no longer taken away from them when they go offline. */
    public Uni<Void> answered(SwitchboardEvent event, UUID ticketId, Instant at) {
        return decisions.<Void>decideOnce(event, connection -> Uni.createFrom().item(
                Step.of(Set.of(), tx -> assignments.markAnswered(tx.connection(), ticketId, at))));
    }

    public Uni<Void> priorityChanged(SwitchboardEvent event, UUID ticketId, Priority priority) {
        return decisions.<Void>decideOnce(event, connection -> Uni.createFrom().item(
                Step.of(Set.of(), tx -> tickets.changePriority(tx.connection(), ticketId, priority))));
    }

    public Uni<Void> tagsChanged(SwitchboardEvent event, UUID ticketId, Set<String> tags) {
        return decisions.<Void>decideOnce(event, connection -> Uni.createFrom().item(
                Step.of(Set.of(), tx -> tickets.changeTags(tx.connection(), ticketId, tags))));
    }
}
