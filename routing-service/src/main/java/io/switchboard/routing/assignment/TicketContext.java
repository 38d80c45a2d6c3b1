package io.switchboard.routing.assignment;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import io.smallrye.mutiny.Uni;
import io.switchboard.routing.agent.Agent;
import io.switchboard.routing.agent.AgentStore;
import io.switchboard.routing.agent.Teams;
import io.switchboard.routing.queue.Queue;
import io.switchboard.routing.queue.QueueStore;
import io.switchboard.routing.ticket.RoutedTicket;
import io.switchboard.routing.ticket.TicketStore;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;

/** A ticket with its current assignee, and the teams a change to it must lock. */
public record TicketContext(RoutedTicket ticket, Optional<Assignment> assignment, Optional<Agent> assignee,
        Map<String, Queue> queues) {

    public Queue queue() {
        return queues.get(ticket.queueId());
    }

    /** The team of the ticket's queue and every team of its assignee. */
    public Set<String> teams(Teams teams) {
        Set<String> result = new TreeSet<>(teams.of(assignee.orElse(null)));
        result.add(queue().team());
        return result;
    }

    /** Reads ticket, assignment and assignee; with {@code lock} the ticket and agent rows are locked. */
    public static final class Loader {

        private final TicketStore tickets;
        private final AssignmentStore assignments;
        private final AgentStore agents;
        private final QueueStore queues;

        public Loader(TicketStore tickets, AssignmentStore assignments, AgentStore agents, QueueStore queues) {
            this.tickets = tickets;
            this.assignments = assignments;
            this.agents = agents;
            this.queues = queues;
        }

        /** Without locks: to learn which teams to lock. Empty when routing does not know the ticket. */
        public Uni<Optional<TicketContext>> peek(SqlClient client, UUID ticketId) {
            return tickets.find(client, ticketId).flatMap(ticket -> ticket.isEmpty()
                    ? Uni.createFrom().item(Optional.<TicketContext>empty())
                    : complete(client, ticket.get(), null));
        }

        /** Row-locked, after the team locks: the data the change is made on. */
        public Uni<Optional<TicketContext>> lock(RoutingTx tx, UUID ticketId) {
            return tickets.findForUpdate(tx.connection(), ticketId).flatMap(ticket -> ticket.isEmpty()
                    ? Uni.createFrom().item(Optional.<TicketContext>empty())
                    : complete(tx.connection(), ticket.get(), tx.connection()));
        }

        /** @param forUpdate the transaction's connection to row-lock the assignee on, null to read without locks */
        private Uni<Optional<TicketContext>> complete(SqlClient client, RoutedTicket ticket, SqlConnection forUpdate) {
            return queues.all(client).flatMap(all -> assignments.active(client, ticket.ticketId()).flatMap(active -> {
                if (active.isEmpty()) {
                    return Uni.createFrom().item(Optional.of(new TicketContext(ticket, active, Optional.empty(), all)));
                }
                String agentId = active.get().agentId();
                Uni<Optional<Agent>> agent = forUpdate != null
                        ? agents.findForUpdate(forUpdate, agentId)
                        : agents.find(client, agentId);
                return agent.map(a -> Optional.of(new TicketContext(ticket, active, a, all)));
            }));
        }
    }
}
