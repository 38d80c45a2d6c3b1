package io.switchboard.routing.agent;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.agent.AgentPresenceChanged;
import io.switchboard.events.agent.Presence;
import io.switchboard.events.routing.AssignmentReleased;
import io.switchboard.routing.assignment.Assignment;
import io.switchboard.routing.assignment.AssignmentStore;
import io.switchboard.routing.assignment.Decisions;
import io.switchboard.routing.assignment.Decisions.Step;
import io.switchboard.routing.assignment.RoutingTx;
import io.switchboard.routing.assignment.TicketContext;
import io.switchboard.routing.assignment.TicketMoves;
import io.switchboard.routing.infra.db.Transactions;

/**
 * Presence from agent-events, and the heartbeat timeout. An agent coming online gets waiting tickets
 * at once (dispatch ends every change); one going offline, by sign-out or silence, hands back the
 * tickets they have not answered yet, which go back to their queues keeping their age.
 */
public final class AgentPresence {

    private final Decisions decisions;
    private final Transactions transactions;
    private final AgentStore agents;
    private final AssignmentStore assignments;
    private final TicketContext.Loader loader;
    private final TicketMoves moves;
    private final AgentSeeds seeds;
    private final Teams teams;
    private final Duration heartbeatTimeout;

    public AgentPresence(Decisions decisions, Transactions transactions, AgentStore agents, AssignmentStore assignments,
            TicketContext.Loader loader, TicketMoves moves, AgentSeeds seeds, Teams teams, Duration heartbeatTimeout) {
        this.decisions = decisions;
        this.transactions = transactions;
        this.agents = agents;
        this.assignments = assignments;
        this.loader = loader;
        this.moves = moves;
        this.seeds = seeds;
        this.teams = teams;
        this.heartbeatTimeout = heartbeatTimeout;
    }

    public Uni<Void> apply(AgentPresenceChanged event) {
        if (event.cause() != AgentPresenceChanged.Cause.HEARTBEAT) {
            return change(event);
        }
        // Most heartbeats repeat the presence routing already has: a timestamp, no decision to make.
        return transactions.read(connection -> agents.touchHeartbeat(connection, event.agentId(), event.presence(),
                        event.occurredAt()))
                .flatMap(touched -> touched ? Uni.createFrom().voidItem() : change(event));
    }

    private Uni<Void> change(AgentPresenceChanged event) {
        String agentId = event.agentId();
        return decisions.<Void>decideOnce(event, connection -> agents.find(connection, agentId)
                .flatMap(existing -> assignments.teamsOfActive(connection, agentId).map(ticketTeams -> {
                    Agent before = existing.orElseGet(() -> newAgent(event));
                    Set<String> guess = new TreeSet<>(ticketTeams);
                    guess.addAll(teams.of(before));
                    guess.addAll(teams.of(PresenceRules.apply(before, event)));
                    return Step.of(guess, tx -> changeLocked(tx, event));
                })));
    }

    private Uni<Void> changeLocked(RoutingTx tx, AgentPresenceChanged event) {
        return lockOrCreate(tx, event).flatMap(locked -> {
            Agent before = locked.agent();
            Agent after = PresenceRules.apply(before, event);
            Set<String> touched = new TreeSet<>(teams.of(before));
            touched.addAll(teams.of(after));
            tx.requireLocked(touched);
            if (after.equals(before) && !locked.created()) {
                return Uni.createFrom().voidItem();
            }
            boolean logged = locked.created() || AgentStore.eligibilityChanged(before, after);
            return agents.update(tx.connection(), after)
                    .flatMap(ignored -> logged
                            ? agents.recordChange(tx.connection(), after, "presence:" + event.cause())
                            : Uni.createFrom().voidItem())
                    .flatMap(ignored -> wentOffline(before, after) ? handBackUnanswered(tx, after.id())
                            : Uni.createFrom().voidItem());
        });
    }

    /** Takes the agent offline if they are still silent past the timeout (checked again under lock). */
    public Uni<Boolean> timeOut(String agentId) {
        return decisions.decide(connection -> agents.find(connection, agentId)
                .flatMap(existing -> assignments.teamsOfActive(connection, agentId).map(ticketTeams -> {
                    if (existing.isEmpty()) {
                        return Step.none(false);
                    }
                    Set<String> guess = new TreeSet<>(ticketTeams);
                    guess.addAll(teams.of(existing.get()));
                    return Step.of(guess, tx -> agents.findForUpdate(tx.connection(), agentId).flatMap(locked -> {
                        Agent before = locked.orElseThrow();
                        if (before.presence() == Presence.OFFLINE || before.lastHeartbeatAt() == null
                                || before.lastHeartbeatAt().plus(heartbeatTimeout).isAfter(tx.now())) {
                            return Uni.createFrom().item(false);
                        }
                        tx.requireLocked(teams.of(before));
                        Agent after = PresenceRules.timedOut(before, tx.now());
                        return agents.update(tx.connection(), after)
                                .flatMap(ignored -> agents.recordChange(tx.connection(), after, "presence:TIMEOUT"))
                                .flatMap(ignored -> handBackUnanswered(tx, agentId))
                                .replaceWith(true);
                    }));
                })));
    }

    /** Times out every silent agent; returns how many went offline. */
    public Uni<Integer> sweepSilent(int limit) {
        return transactions.read(connection -> agents.silentSince(connection, heartbeatTimeout, limit))
                .flatMap(ids -> Multi.createFrom().iterable(ids)
                        .onItem().transformToUniAndConcatenate(this::timeOut)
                        .collect().asList())
                .map(results -> (int) results.stream().filter(Boolean::booleanValue).count());
    }

    private Uni<Void> handBackUnanswered(RoutingTx tx, String agentId) {
        return assignments.activeOf(tx.connection(), agentId).flatMap(active -> Multi.createFrom().iterable(active)
                .filter(a -> a.answeredAt() == null)
                .onItem().transformToUniAndConcatenate(a -> handBack(tx, a))
                .collect().asList()
                .replaceWithVoid());
    }

    private Uni<Void> handBack(RoutingTx tx, Assignment assignment) {
        return loader.lock(tx, assignment.ticketId()).flatMap(locked -> {
            TicketContext context = locked.orElseThrow();
            tx.requireLocked(context.teams(teams));
            var ticket = context.ticket();
            return moves.release(tx, assignment, AssignmentReleased.Reason.AGENT_UNAVAILABLE)
                    .flatMap(ignored -> moves.enqueue(tx, ticket, ticket.queueId(), ticket.escalated(), ticket.overflowed(),
                            false, true));
        });
    }

    private static boolean wentOffline(Agent before, Agent after) {
        return before.presence() != Presence.OFFLINE && after.presence() == Presence.OFFLINE;
    }

    private record Locked(Agent agent, boolean created) {
    }

    /** The agent's row, locked; a first-time agent is created (offline, so the event's presence is a change). */
    private Uni<Locked> lockOrCreate(RoutingTx tx, AgentPresenceChanged event) {
        return agents.findForUpdate(tx.connection(), event.agentId()).flatMap(found -> {
            if (found.isPresent()) {
                return Uni.createFrom().item(new Locked(found.get(), false));
            }
            Agent fresh = newAgent(event);
            return agents.insert(tx.connection(), fresh)
                    .flatMap(ignored -> agents.findForUpdate(tx.connection(), event.agentId()))
                    .map(Optional::orElseThrow)
                    .map(agent -> new Locked(agent, true));
        });
    }

    /** A first-time agent as of just before the event: offline, so the event is their first change. */
    private Agent newAgent(AgentPresenceChanged event) {
        return seeds.newAgent(event.agentId(), event.displayName(), event.teams(), Presence.OFFLINE, null);
    }
}
