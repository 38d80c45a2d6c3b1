package io.switchboard.routing.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.SwitchboardEvent;
import io.switchboard.events.routing.AssignmentReleased;
import io.switchboard.events.ticket.MessageAdded;
import io.switchboard.events.ticket.SlaBreached;
import io.switchboard.events.ticket.TicketMerged;
import io.switchboard.events.ticket.TicketOpened;
import io.switchboard.events.ticket.TicketPriorityChanged;
import io.switchboard.events.ticket.TicketStatusChanged;
import io.switchboard.events.ticket.TicketTagsChanged;
import io.switchboard.routing.agent.Teams;
import io.switchboard.routing.assignment.AssignmentStore;
import io.switchboard.routing.assignment.Decisions;
import io.switchboard.routing.assignment.Decisions.Step;
import io.switchboard.routing.assignment.Escalations;
import io.switchboard.routing.assignment.RoutingTx;
import io.switchboard.routing.assignment.TicketContext;
import io.switchboard.routing.assignment.TicketMoves;
import io.switchboard.routing.queue.Placement;
import io.switchboard.routing.queue.Queue;
import io.switchboard.routing.queue.QueueStore;
import io.switchboard.routing.queue.RuleStore;
import io.switchboard.routing.queue.TicketFacts;
import io.vertx.mutiny.sqlclient.SqlConnection;

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
    private final Escalations escalations;

    public TicketRouting(Decisions decisions, TicketContext.Loader loader, TicketStore tickets, AssignmentStore assignments,
            RuleStore rules, QueueStore queues, TicketMoves moves, Placement placement, Teams teams, Escalations escalations) {
        this.decisions = decisions;
        this.escalations = escalations;
        this.loader = loader;
        this.tickets = tickets;
        this.assignments = assignments;
        this.rules = rules;
        this.queues = queues;
        this.moves = moves;
        this.placement = placement;
        this.teams = teams;
    }

    /** Routes one consumed ticket event in a transaction of its own (nothing to do for kinds routing ignores). */
    public Uni<Void> route(SwitchboardEvent event) {
        return consumed(event).map(c -> decisions.decideOnce(c.event(), c.prepare())).orElseGet(() -> Uni.createFrom().voidItem());
    }

    /** Routes consumed ticket events, in their order, in one transaction (see {@link Decisions#decideAllOnce}). */
    public Uni<Void> routeAll(List<SwitchboardEvent> events) {
        return decisions.decideAllOnce(events.stream().map(this::consumed).flatMap(Optional::stream).toList());
    }

    /** What a ticket event asks of routing; empty for what it ignores (a customer's message, a new note). */
    private Optional<Decisions.Consumed> consumed(SwitchboardEvent event) {
        Function<SqlConnection, Uni<Step<Void>>> prepare = null;
        if (event instanceof TicketOpened opened) {
            prepare = opening(opened);
        } else if (event instanceof TicketStatusChanged changed) {
            prepare = statusChanging(changed);
        } else if (event instanceof TicketMerged merged) {
            prepare = finishing(merged.ticketId(), AssignmentReleased.Reason.MERGED);
        } else if (event instanceof SlaBreached breached) {
            prepare = escalations.escalation(breached);
        } else if (event instanceof TicketPriorityChanged changed) {
            prepare = direct(tx -> tickets.changePriority(tx.connection(), changed.ticketId(), changed.to()));
        } else if (event instanceof TicketTagsChanged changed) {
            Set<String> tags = Set.copyOf(changed.tags());
            prepare = direct(tx -> tickets.changeTags(tx.connection(), changed.ticketId(), tags));
        } else if (event instanceof MessageAdded added && added.kind() == MessageAdded.Kind.AGENT_REPLY) {
            prepare = answering(added.ticketId(), added.occurredAt());
        }
        return Optional.ofNullable(prepare).map(p -> new Decisions.Consumed(event, p));
    }

    /** Places the ticket in its queue; dispatch then assigns it at once if someone can take it. */
    public Uni<Void> open(TicketOpened opened) {
        return decisions.decideOnce(opened, opening(opened));
    }

    private Function<SqlConnection, Uni<Step<Void>>> opening(TicketOpened opened) {
        return connection -> rules.all(connection)
                .flatMap(ruleList -> queues.all(connection).map(all -> {
                    Placement.Decision decision = placement.place(TicketFacts.of(opened), ruleList, all);
                    Queue queue = all.get(decision.queueId());
                    if (queue == null) {
                        throw new IllegalStateException("queue " + decision.queueId() + " is not configured");
                    }
                    return Step.<Void>of(Set.of(queue.team()), tx -> insert(tx, opened, queue, decision.escalated()));
                }));
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
        return route(changed);
    }

    private Function<SqlConnection, Uni<Step<Void>>> statusChanging(TicketStatusChanged changed) {
        return switch (changed.to()) {
            case RESOLVED -> finishing(changed.ticketId(), AssignmentReleased.Reason.RESOLVED);
            case CLOSED -> finishing(changed.ticketId(), AssignmentReleased.Reason.CLOSED);
            case REOPENED -> reopening(changed.ticketId());
            case PENDING_CUSTOMER -> answering(changed.ticketId(), changed.occurredAt());
            // Still marked processed, as before: a redelivery is recognised whatever it asks.
            case NEW, OPEN -> connection -> Uni.createFrom().item(Step.<Void>none(null));
        };
    }

    /** The ticket is done (resolved, closed, merged away): its agent's capacity is free again. */
    public Uni<Void> finish(SwitchboardEvent event, UUID ticketId, AssignmentReleased.Reason reason) {
        return decisions.decideOnce(event, finishing(ticketId, reason));
    }

    private Function<SqlConnection, Uni<Step<Void>>> finishing(UUID ticketId, AssignmentReleased.Reason reason) {
        return connection -> loader.peek(connection, ticketId).map(peeked -> {
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
        });
    }

    /** A reopened ticket waits again, from now, and goes back to its last agent if they can take it. */
    private Function<SqlConnection, Uni<Step<Void>>> reopening(UUID ticketId) {
        return connection -> loader.peek(connection, ticketId).map(peeked -> {
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
        });
    }

    /** The agent replied: the ticket is no longer taken away from them when they go offline. */
    public Uni<Void> answered(SwitchboardEvent event, UUID ticketId, Instant at) {
        return decisions.decideOnce(event, answering(ticketId, at));
    }

    private Function<SqlConnection, Uni<Step<Void>>> answering(UUID ticketId, Instant at) {
        return direct(tx -> assignments.markAnswered(tx.connection(), ticketId, at));
    }

    /** A change of the ticket's own row that touches no team: no lock, no dispatch needed. */
    private static Function<SqlConnection, Uni<Step<Void>>> direct(Function<RoutingTx, Uni<Void>> change) {
        return connection -> Uni.createFrom().item(Step.of(Set.of(), change));
    }
}
