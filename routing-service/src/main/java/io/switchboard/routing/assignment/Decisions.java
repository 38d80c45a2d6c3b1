package io.switchboard.routing.assignment;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.SwitchboardEvent;
import io.switchboard.events.routing.TicketQueued;
import io.switchboard.kit.idempotency.ProcessedEventRepository;
import io.switchboard.routing.agent.Agent;
import io.switchboard.routing.agent.AgentStore;
import io.switchboard.routing.infra.db.TeamLocks;
import io.switchboard.routing.infra.db.Transactions;
import io.switchboard.routing.infra.outbox.Outbox;
import io.switchboard.routing.queue.Queue;
import io.switchboard.routing.queue.QueueStore;
import io.switchboard.routing.ticket.TicketStore;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * The shape of every routing transaction, so none can skip a step:
 * <ol>
 * <li>(for a consumed event) record it as processed, or stop if it already was;</li>
 * <li>read what the change concerns without locks, to learn which teams it touches;</li>
 * <li>lock those teams, then do the change on re-read, row-locked data (a change that turns out to
 * touch a team not locked is started again);</li>
 * <li>dispatch the locked teams, say TicketQueued for tickets it queued that are still waiting;</li>
 * <li>write every decision to the outbox, commit, then tell the observer.</li>
 * </ol>
 * Several consumed events can share one transaction ({@link #decideAllOnce}): steps 1-3 for each in
 * turn, then 4-5 once for all of them. That is one commit, one dispatch and one outbox write per
 * Kafka poll instead of per event, which is where routing's throughput under a flood comes from.
 */
public final class Decisions {

    /** What a change touches (step 2) and the change itself (step 3). */
    public interface Step<T> {

        Set<String> teams();

        Uni<T> apply(RoutingTx tx);

        static <T> Step<T> of(Set<String> teams, Function<RoutingTx, Uni<T>> change) {
            return new Step<>() {
                @Override
                public Set<String> teams() {
                    return teams;
                }

                @Override
                public Uni<T> apply(RoutingTx tx) {
                    return change.apply(tx);
                }
            };
        }

        /** Nothing to do. */
        static <T> Step<T> none(T result) {
            return of(Set.of(), tx -> Uni.createFrom().item(result));
        }
    }

    /** A consumed event and what it asks of routing (steps 2 and 3, given the transaction's connection). */
    public record Consumed(SwitchboardEvent event, Function<SqlConnection, Uni<Step<Void>>> prepare) {
    }

    private final Transactions transactions;
    private final Dispatcher dispatcher;
    private final AgentStore agents;
    private final TicketStore tickets;
    private final QueueStore queues;
    private final WaitReasons waitReasons;
    private final DecisionObserver observer;

    public Decisions(Transactions transactions, Dispatcher dispatcher, AgentStore agents, TicketStore tickets,
            QueueStore queues, WaitReasons waitReasons, DecisionObserver observer) {
        this.transactions = transactions;
        this.dispatcher = dispatcher;
        this.agents = agents;
        this.tickets = tickets;
        this.queues = queues;
        this.waitReasons = waitReasons;
        this.observer = observer;
    }

    public <T> Uni<T> decide(Function<SqlConnection, Uni<Step<T>>> prepare) {
        return transactions.inTransaction(connection -> prepare.apply(connection)
                        .flatMap(step -> run(connection, step)))
                .invoke(done -> observer.committed(done.tx().events(), done.tx().firstAssignmentsOpenedAt()))
                .map(Done::result);
    }

    /**
     * {@link #decide} for a consumed event: done once, whatever the redeliveries (the service-kit's
     * processed-event mark, in the same transaction). Null when it was a redelivery.
     */
    public <T> Uni<T> decideOnce(SwitchboardEvent event, Function<SqlConnection, Uni<Step<T>>> prepare) {
        return decide(connection -> ProcessedEventRepository.markProcessed(connection, event.eventId(), event.ceType())
                .flatMap(first -> first ? prepare.apply(connection) : Uni.createFrom().item(Step.<T>none(null))));
    }

    /**
     * Consumed events in one transaction, in their order: each done once (its processed-event mark),
     * its teams locked when it is reached, then one dispatch of every team locked and one outbox
     * write. Any failure rolls back all of them (the caller then decides them one by one).
     */
    public Uni<Void> decideAllOnce(List<Consumed> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return transactions.inTransaction(connection -> TeamLocks.now(connection)
                        .map(now -> new RoutingTx(connection, now, Set.of()))
                        .flatMap(tx -> Multi.createFrom().iterable(events)
                                .onItem().transformToUniAndConcatenate(consumed -> ProcessedEventRepository
                                        .markProcessed(connection, consumed.event().eventId(), consumed.event().ceType())
                                        .flatMap(first -> first ? consumed.prepare().apply(connection)
                                                : Uni.createFrom().item(Step.<Void>none(null)))
                                        .flatMap(step -> TeamLocks.lockOnly(connection, tx.alsoLocking(step.teams()))
                                                .flatMap(locked -> step.apply(tx)))
                                        .replaceWith(Boolean.TRUE))
                                .collect().last()
                                .flatMap(ignored -> conclude(tx))
                                .replaceWith(tx)))
                .invoke(tx -> observer.committed(tx.events(), tx.firstAssignmentsOpenedAt()))
                .replaceWithVoid();
    }

    private record Done<T>(T result, RoutingTx tx) {
    }

    private <T> Uni<Done<T>> run(SqlConnection connection, Step<T> step) {
        return TeamLocks.lock(connection, step.teams())
                .map(now -> new RoutingTx(connection, now, step.teams()))
                .flatMap(tx -> step.apply(tx)
                        .flatMap(result -> conclude(tx).replaceWith(new Done<>(result, tx))));
    }

    /** Steps 4 and 5 but the commit: dispatch what the transaction holds, say what still waits, write the outbox. */
    private Uni<Void> conclude(RoutingTx tx) {
        return dispatcher.dispatch(tx)
                .flatMap(assigned -> announceWaiting(tx, assigned))
                .flatMap(ignored -> Outbox.append(tx.connection(), tx.events()));
    }

    /** TicketQueued, with its place in the queue, for each ticket this transaction queued that is still waiting. */
    private Uni<Void> announceWaiting(RoutingTx tx, Set<UUID> assigned) {
        Map<UUID, RoutingTx.Enqueued> waiting = new LinkedHashMap<>();
        tx.enqueued().stream().filter(e -> !assigned.contains(e.ticketId())).forEach(e -> waiting.put(e.ticketId(), e));
        if (waiting.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return queues.all(tx.connection()).flatMap(all -> tickets.positions(tx.connection(), waiting.keySet(), tx.now())
                .flatMap(positions -> membersOfTeams(tx, all, waiting.values()).invoke(members -> {
                    for (RoutingTx.Enqueued e : waiting.values()) {
                        Integer position = positions.get(e.ticketId());
                        if (position == null) {
                            continue; // closed later in the same transaction: it waits no more
                        }
                        Queue queue = all.get(e.queueId());
                        TicketQueued.Reason reason = e.requeued() ? TicketQueued.Reason.REQUEUED
                                : waitReasons.why(members.get(queue.team()), queue, e.language());
                        tx.emit(TicketQueued.of(e.ticketId(), queue.id(), queue.team(), e.priority(), position, reason));
                    }
                })))
                .replaceWithVoid();
    }

    /** The agents of the teams whose newly queued tickets need a reason to wait, one query per team. */
    private Uni<Map<String, List<Agent>>> membersOfTeams(RoutingTx tx, Map<String, Queue> all,
            Collection<RoutingTx.Enqueued> waiting) {
        List<String> teams = waiting.stream().filter(e -> !e.requeued()).map(e -> all.get(e.queueId()).team())
                .distinct().toList();
        Map<String, List<Agent>> members = new HashMap<>();
        return Multi.createFrom().iterable(teams)
                .onItem().transformToUniAndConcatenate(team -> agents.members(tx.connection(), Set.of(team))
                        .invoke(list -> members.put(team, list)))
                .collect().last()
                .replaceWith(members);
    }
}
