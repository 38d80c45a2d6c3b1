package io.switchboard.routing.assignment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.switchboard.routing.agent.Agent;
import io.switchboard.routing.agent.AgentStore;
import io.switchboard.routing.queue.Queue;
import io.switchboard.routing.queue.QueueStore;
import io.switchboard.routing.ticket.TicketStore;

/**
 * Ends every routing transaction: with the transaction's teams locked, it row-locks their free
 * agents and gives them waiting tickets as {@link DispatchPlanner} plans, page by page, until no
 * waiting ticket of those teams can be taken by any of their free agents.
 */
public final class Dispatcher {

    private final AgentStore agents;
    private final TicketStore tickets;
    private final QueueStore queues;
    private final TicketMoves moves;
    private final DispatchPlanner planner;
    private final Eligibility eligibility;
    private final int pageSize;

    public Dispatcher(AgentStore agents, TicketStore tickets, QueueStore queues, TicketMoves moves, DispatchPlanner planner,
            Eligibility eligibility, int pageSize) {
        this.agents = agents;
        this.tickets = tickets;
        this.queues = queues;
        this.moves = moves;
        this.planner = planner;
        this.eligibility = eligibility;
        this.pageSize = pageSize;
    }

    /** @return the tickets it assigned */
    public Uni<Set<UUID>> dispatch(RoutingTx tx) {
        if (tx.lockedTeams().isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return queues.all(tx.connection()).flatMap(all -> {
            Map<String, Queue> ofTeams = all.values().stream()
                    .filter(q -> tx.lockedTeams().contains(q.team()))
                    .collect(Collectors.toMap(Queue::id, q -> q));
            if (ofTeams.isEmpty()) {
                return Uni.createFrom().item(Set.<UUID>of());
            }
            Set<UUID> assigned = new HashSet<>();
            return agents.lockFree(tx.connection(), tx.lockedTeams())
                    .flatMap(free -> round(tx, ofTeams, free, new HashSet<>(), assigned))
                    .replaceWith(assigned);
        });
    }

    private Uni<Void> round(RoutingTx tx, Map<String, Queue> queuesById, List<Agent> free, Set<UUID> seen, Set<UUID> assigned) {
        if (free.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> servable = queuesById.values().stream()
                .filter(q -> free.stream().anyMatch(a -> eligibility.qualifies(a, q, null)))
                .map(Queue::id)
                .toList();
        if (servable.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Set<String> languages = new TreeSet<>();
        free.forEach(a -> languages.addAll(a.languages()));
        return tickets.waitingPage(tx.connection(), servable, languages, seen, pageSize, tx.now()).flatMap(page -> {
            DispatchPlanner.Plan plan = planner.plan(free, page, queuesById, tx.now());
            page.forEach(t -> seen.add(t.ticketId()));
            return apply(tx, plan.assignments(), assigned).flatMap(ignored -> page.size() < pageSize
                    ? Uni.createFrom().voidItem()
                    : round(tx, queuesById, plan.stillFree(), seen, assigned));
        });
    }

    private Uni<Void> apply(RoutingTx tx, List<DispatchPlanner.PlannedAssignment> planned, Set<UUID> assigned) {
        if (planned.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom().iterable(new ArrayList<>(planned))
                .onItem().transformToUniAndConcatenate(p -> moves.assign(tx, p.ticket(), p.choice().agent().id(), p.queue(),
                        p.choice().reason(), p.choice().previousAgentId(), true)
                        .invoke(() -> assigned.add(p.ticket().ticketId())))
                .collect().last()
                .replaceWithVoid();
    }
}
