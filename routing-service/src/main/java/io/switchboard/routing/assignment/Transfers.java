package io.switchboard.routing.assignment;

import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.routing.AssignmentDecided;
import io.switchboard.events.routing.AssignmentReleased;
import io.switchboard.events.agent.Presence;
import io.switchboard.routing.agent.Agent;
import io.switchboard.routing.agent.AgentStore;
import io.switchboard.routing.agent.Teams;
import io.switchboard.routing.assignment.Decisions.Step;
import io.switchboard.routing.infra.RoutingRejection;
import io.switchboard.routing.queue.Queue;
import io.switchboard.routing.ticket.RoutedTicket;
import io.switchboard.routing.ticket.TicketStore;

/**
 * A supervisor moves a ticket: to an agent (who must not be offline and must have free capacity,
 * whatever their skills: the supervisor judges those), or to a queue, where it waits like any other
 * ticket, without going back to the agents it came from.
 */
public final class Transfers {

    private final Decisions decisions;
    private final TicketContext.Loader loader;
    private final AgentStore agents;
    private final TicketStore tickets;
    private final TicketMoves moves;
    private final Teams teams;
    private final String escalationQueueId;

    public Transfers(Decisions decisions, TicketContext.Loader loader, AgentStore agents, TicketStore tickets,
            TicketMoves moves, Teams teams, String escalationQueueId) {
        this.decisions = decisions;
        this.loader = loader;
        this.agents = agents;
        this.tickets = tickets;
        this.moves = moves;
        this.teams = teams;
        this.escalationQueueId = escalationQueueId;
    }

    /**
     * @param allowedTeams the teams whose tickets the caller may move; null for any (an admin)
     */
    public Uni<Void> toAgent(UUID ticketId, String agentId, Set<String> allowedTeams) {
        return decisions.decide(connection -> loader.peek(connection, ticketId).flatMap(peeked -> {
            TicketContext context = visible(peeked.orElse(null), allowedTeams);
            return agents.find(connection, agentId).map(target -> {
                Agent agent = target.orElseThrow(() -> RoutingRejection.notFound("no agent " + agentId));
                return Step.<Void>of(teams(context, agent, null), tx -> loader.lock(tx, ticketId)
                        .flatMap(locked -> agents.findForUpdate(tx.connection(), agentId)
                                .flatMap(lockedAgent -> handOver(tx, locked.orElseThrow(), lockedAgent.orElseThrow()))));
            });
        }));
    }

    private Uni<Void> handOver(RoutingTx tx, TicketContext context, Agent target) {
        tx.requireLocked(teams(context, target, null));
        RoutedTicket ticket = context.ticket();
        if (ticket.status() == RoutedTicket.Status.CLOSED) {
            throw RoutingRejection.conflict("the ticket is closed");
        }
        String from = context.assignment().map(Assignment::agentId).orElse(null);
        if (target.id().equals(from)) {
            throw RoutingRejection.conflict("the ticket is already assigned to this agent");
        }
        if (target.presence() == Presence.OFFLINE) {
            throw RoutingRejection.conflict("the agent is offline");
        }
        if (!target.hasFreeCapacity()) {
            throw RoutingRejection.conflict("the agent is at capacity (" + target.capacity() + ")");
        }
        Uni<Void> release = from == null
                ? Uni.createFrom().voidItem()
                : moves.release(tx, context.assignment().get(), AssignmentReleased.Reason.TRANSFERRED)
                        .flatMap(ignored -> tickets.enqueue(tx.connection(), ticket.ticketId(), ticket.queueId(),
                                ticket.escalated(), ticket.overflowed(), null));
        AssignmentDecided.Reason reason = from == null ? AssignmentDecided.Reason.MANUAL : AssignmentDecided.Reason.TRANSFER;
        return release.flatMap(ignored -> moves.assign(tx, ticket.asWaiting(), target.id(), context.queue(), reason, from, false));
    }

    public Uni<Void> toQueue(UUID ticketId, String queueId, Set<String> allowedTeams) {
        return decisions.decide(connection -> loader.peek(connection, ticketId).map(peeked -> {
            TicketContext context = visible(peeked.orElse(null), allowedTeams);
            Queue target = context.queues().get(queueId);
            if (target == null) {
                throw RoutingRejection.notFound("no queue " + queueId);
            }
            return Step.<Void>of(teams(context, null, target), tx -> loader.lock(tx, ticketId)
                    .flatMap(locked -> move(tx, locked.orElseThrow(), target)));
        }));
    }

    private Uni<Void> move(RoutingTx tx, TicketContext context, Queue target) {
        tx.requireLocked(teams(context, null, target));
        RoutedTicket ticket = context.ticket();
        if (ticket.status() == RoutedTicket.Status.CLOSED) {
            throw RoutingRejection.conflict("the ticket is closed");
        }
        if (ticket.status() == RoutedTicket.Status.WAITING && ticket.queueId().equals(target.id())) {
            throw RoutingRejection.conflict("the ticket already waits in this queue");
        }
        Uni<Void> release = context.assignment().isPresent()
                ? moves.release(tx, context.assignment().get(), AssignmentReleased.Reason.UNASSIGNED)
                : Uni.createFrom().voidItem();
        return release
                .flatMap(ignored -> tickets.forgetAgents(tx.connection(), ticket.ticketId()))
                .flatMap(ignored -> moves.enqueue(tx, ticket, target.id(), target.id().equals(escalationQueueId), false,
                        false, true));
    }

    private TicketContext visible(TicketContext context, Set<String> allowedTeams) {
        if (context == null || (allowedTeams != null && !allowedTeams.contains(context.queue().team()))) {
            throw RoutingRejection.notFound("no such ticket in your teams' queues");
        }
        return context;
    }

    private Set<String> teams(TicketContext context, Agent target, Queue targetQueue) {
        Set<String> result = new TreeSet<>(context.teams(teams));
        result.addAll(teams.of(target));
        if (targetQueue != null) {
            result.add(targetQueue.team());
        }
        return result;
    }
}
