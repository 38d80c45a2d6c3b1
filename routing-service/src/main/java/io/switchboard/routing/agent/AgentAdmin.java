package io.switchboard.routing.agent;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.smallrye.mutiny.Uni;
import io.switchboard.routing.assignment.Decisions;
import io.switchboard.routing.assignment.Decisions.Step;
import io.switchboard.routing.infra.RoutingRejection;
import io.switchboard.routing.infra.db.Transactions;

/**
 * Admins set an agent's skills, languages, capacity and supervisor flag. Raising capacity or adding a
 * skill can let the agent take waiting tickets, which happens in the same transaction. Capacity can
 * never go below what the agent holds: an agent never holds more tickets than their capacity.
 */
public final class AgentAdmin {

    /** The new profile (returned with the load dispatch left it at); a null field is left as it is. */
    public record ProfileChange(Set<String> skills, Set<String> languages, Integer capacity, Boolean supervisor) {

        Agent applyTo(Agent a) {
            return new Agent(a.id(), a.username(), a.displayName(), a.teams(), skills == null ? a.skills() : skills,
                    languages == null ? a.languages() : Languages.primaries(languages), supervisor == null ? a.supervisor()
                            : supervisor,
                    capacity == null ? a.capacity() : capacity, a.load(), a.presence(), a.presenceChangedAt(),
                    a.lastHeartbeatAt(), a.lastAssignedAt());
        }
    }

    private final Decisions decisions;
    private final Transactions transactions;
    private final AgentStore agents;
    private final Teams teams;

    public AgentAdmin(Decisions decisions, Transactions transactions, AgentStore agents, Teams teams) {
        this.decisions = decisions;
        this.transactions = transactions;
        this.agents = agents;
        this.teams = teams;
    }

    public Uni<Agent> change(String agentId, ProfileChange change, String changedBy) {
        return decisions.decide(connection -> agents.find(connection, agentId).map(found -> {
            Agent before = found.orElseThrow(() -> RoutingRejection.notFound("no agent " + agentId));
            return Step.of(touched(before, change.applyTo(before)), tx -> agents.findForUpdate(tx.connection(), agentId)
                    .flatMap(locked -> {
                        Agent current = locked.orElseThrow();
                        Agent after = change.applyTo(current);
                        tx.requireLocked(touched(current, after));
                        if (after.capacity() < current.load()) {
                            throw RoutingRejection.conflict("the agent holds " + current.load()
                                    + " tickets; capacity cannot go below that (transfer some first)");
                        }
                        Uni<Void> audit = AgentStore.eligibilityChanged(current, after)
                                ? agents.recordChange(tx.connection(), after, "admin:" + changedBy)
                                : Uni.createFrom().voidItem();
                        return agents.update(tx.connection(), after).flatMap(ignored -> audit).replaceWith(after);
                    }));
        })).flatMap(ignored -> transactions.read(connection -> agents.find(connection, agentId))).map(Optional::orElseThrow);
    }

    private Set<String> touched(Agent before, Agent after) {
        Set<String> result = new TreeSet<>(teams.of(before));
        result.addAll(teams.of(after));
        return result;
    }
}
