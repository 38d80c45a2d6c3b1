package io.switchboard.routing.assignment;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.routing.AssignmentDecided;
import io.switchboard.events.routing.AssignmentReleased;
import io.switchboard.routing.agent.AgentStore;
import io.switchboard.routing.queue.Queue;
import io.switchboard.routing.ticket.RoutedTicket;
import io.switchboard.routing.ticket.TicketStore;

/**
 * The three moves of a ticket, each with its decision event: give it to an agent, take it from one,
 * put it (back) in a queue. Callers hold the locks the move needs.
 */
public final class TicketMoves {

    private final AgentStore agents;
    private final TicketStore tickets;
    private final AssignmentStore assignments;

    public TicketMoves(AgentStore agents, TicketStore tickets, AssignmentStore assignments) {
        this.agents = agents;
        this.tickets = tickets;
        this.assignments = assignments;
    }

    /**
     * Gives a waiting ticket to the agent. The load check is part of the update, under the agent's
     * row lock, so it holds whatever else runs; {@code requireOnline} is false only for a
     * supervisor's hand-over, which may go to an agent who is away.
     */
    public Uni<Void> assign(RoutingTx tx, WaitingTicket ticket, String agentId, Queue queue, AssignmentDecided.Reason reason,
            String previousAgentId, boolean requireOnline) {
        var connection = tx.connection();
        return agents.takeOne(connection, agentId, requireOnline)
                .map(taken -> taken.orElseThrow(() -> new NoCapacity(agentId)))
                .flatMap(at -> tickets.markAssigned(connection, ticket.ticketId(), agentId, at)
                        .flatMap(ignored -> assignments.insert(connection, ticket.ticketId(), agentId, queue.id(), queue.team(),
                                reason.name(), at)))
                .invoke(() -> {
                    tx.emit(AssignmentDecided.of(ticket.ticketId(), agentId, queue.id(), queue.team(), reason, previousAgentId));
                    if (!ticket.everAssigned()) {
                        tx.firstAssignment(ticket.openedAt());
                    }
                });
    }

    /** Ends an active assignment and frees the agent's capacity. */
    public Uni<Void> release(RoutingTx tx, Assignment assignment, AssignmentReleased.Reason reason) {
        var connection = tx.connection();
        return assignments.release(connection, assignment.id(), reason.name())
                .invoke(released -> {
                    if (!released) {
                        throw new IllegalStateException("assignment already released");
                    }
                })
                .flatMap(ignored -> agents.releaseOne(connection, assignment.agentId()))
                .invoke(() -> tx.emit(AssignmentReleased.of(assignment.ticketId(), assignment.agentId(), reason)));
    }

    /**
     * Puts the ticket in a queue; {@code restartWait} starts its wait now (a reopened ticket), else it
     * keeps the time its customer started waiting.
     */
    public Uni<Void> enqueue(RoutingTx tx, RoutedTicket ticket, String queueId, boolean escalated, boolean overflowed,
            boolean restartWait, boolean requeued) {
        return tickets.enqueue(tx.connection(), ticket.ticketId(), queueId, escalated, overflowed,
                        restartWait ? tx.now() : null)
                .invoke(() -> tx.enqueued(new RoutingTx.Enqueued(ticket.ticketId(), queueId, ticket.language(),
                        ticket.priority(), requeued)));
    }

    /** The agent could not take one more ticket (full, or not online). */
    public static final class NoCapacity extends RuntimeException {
        public NoCapacity(String agentId) {
            super("agent has no free capacity", null, false, false);
        }
    }
}
