package io.switchboard.routing.assignment;

import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.routing.AssignmentReleased;
import io.switchboard.events.ticket.SlaBreached;
import io.switchboard.routing.agent.Teams;
import io.switchboard.routing.assignment.Decisions.Step;
import io.switchboard.routing.queue.Queue;
import io.switchboard.routing.ticket.RoutedTicket;
import io.switchboard.routing.ticket.TicketStore;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * An SLA breach raises the ticket to the supervisors' queue: it is taken from its agent (unless that
 * agent is a supervisor already) and waits there, keeping its age, for the next free supervisor.
 */
public final class Escalations {

    private static final Logger LOG = Logger.getLogger(Escalations.class);

    private final Decisions decisions;
    private final TicketContext.Loader loader;
    private final TicketStore tickets;
    private final TicketMoves moves;
    private final Teams teams;
    private final String escalationQueueId;

    public Escalations(Decisions decisions, TicketContext.Loader loader, TicketStore tickets, TicketMoves moves, Teams teams,
            String escalationQueueId) {
        this.decisions = decisions;
        this.loader = loader;
        this.tickets = tickets;
        this.moves = moves;
        this.teams = teams;
        this.escalationQueueId = escalationQueueId;
    }

    public Uni<Void> slaBreached(SlaBreached breached) {
        return decisions.decideOnce(breached, escalation(breached));
    }

    /** What the breach asks of routing, to decide alone or with other consumed events. */
    public Function<SqlConnection, Uni<Step<Void>>> escalation(SlaBreached breached) {
        UUID ticketId = breached.ticketId();
        return connection -> loader.peek(connection, ticketId).map(peeked -> {
            if (peeked.isEmpty() || !escalatable(peeked.get().ticket())) {
                return Step.none(null);
            }
            Queue target = peeked.get().queues().get(escalationQueueId);
            if (target == null) {
                LOG.warnf("Cannot escalate: the escalation queue %s does not exist", escalationQueueId);
                return Step.none(null);
            }
            return Step.<Void>of(teams(peeked.get(), target), tx -> loader.lock(tx, ticketId)
                    .flatMap(locked -> escalate(tx, locked.orElseThrow(), target)));
        });
    }

    private Uni<Void> escalate(RoutingTx tx, TicketContext context, Queue target) {
        tx.requireLocked(teams(context, target));
        RoutedTicket ticket = context.ticket();
        if (!escalatable(ticket)) {
            return Uni.createFrom().voidItem();
        }
        if (context.assignee().map(agent -> agent.supervisor()).orElse(false)) {
            return tickets.markEscalated(tx.connection(), ticket.ticketId());
        }
        Uni<Void> release = context.assignment().isPresent()
                ? moves.release(tx, context.assignment().get(), AssignmentReleased.Reason.ESCALATED)
                : Uni.createFrom().voidItem();
        boolean wasAssigned = context.assignment().isPresent();
        return release.flatMap(ignored -> moves.enqueue(tx, ticket, target.id(), true, ticket.overflowed(), false, wasAssigned));
    }

    private static boolean escalatable(RoutedTicket ticket) {
        return ticket.status() != RoutedTicket.Status.CLOSED && !ticket.escalated();
    }

    private Set<String> teams(TicketContext context, Queue target) {
        Set<String> result = new TreeSet<>(context.teams(teams));
        result.add(target.team());
        return result;
    }
}
