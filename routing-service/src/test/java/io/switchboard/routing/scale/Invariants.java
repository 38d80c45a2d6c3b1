package io.switchboard.routing.scale;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import io.smallrye.mutiny.Uni;
import io.switchboard.routing.Routing;
import io.switchboard.routing.agent.Agent;
import io.switchboard.routing.assignment.Eligibility;
import io.switchboard.routing.infra.db.Sql;
import io.switchboard.routing.queue.Queue;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The three properties routing promises with any number of replicas, checked on the database once
 * the instances are quiet, and on the decision log (decisions, agent changes and tickets closed while
 * waiting, replayed in the order of the sequence they share; see {@link LogReplay}):
 * <ol>
 * <li>no ticket ever has two assignees;</li>
 * <li>no agent ever holds more tickets than their capacity;</li>
 * <li>no ticket waits while an agent who could take it has free capacity.</li>
 * </ol>
 */
final class Invariants {

    private final Pool pool;
    private final ScaleWorld world;
    private final Routing routing;

    Invariants(Pool pool, ScaleWorld world, Routing routing) {
        this.pool = pool;
        this.world = world;
        this.routing = routing;
    }

    List<String> onFinalState() {
        List<String> violations = new ArrayList<>();
        UUID[] tickets = world.tickets.toArray(UUID[]::new);
        String[] agents = world.agents.toArray(String[]::new);

        for (Row row : await(pool.preparedQuery("select ticket_id, count(*) as n from assignment where ticket_id = any($1)"
                + " and released_at is null group by ticket_id having count(*) > 1").execute(Tuple.of((Object) tickets)))) {
            violations.add("1: ticket " + row.getUUID("ticket_id") + " has " + row.getLong("n") + " assignees");
        }
        for (Row row : await(pool.preparedQuery("select a.id, a.capacity, a.active_count, (select count(*) from assignment s"
                + " where s.agent_id = a.id and s.released_at is null) as held from agent a where a.id = any($1)")
                .execute(Tuple.of((Object) agents)))) {
            long held = row.getLong("held");
            if (held > row.getInteger("capacity")) {
                violations.add("2: agent " + row.getString("id") + " holds " + held + " > capacity " + row.getInteger("capacity"));
            }
            if (held != row.getInteger("active_count")) {
                violations.add("2: agent " + row.getString("id") + " counted " + row.getInteger("active_count") + " but holds " + held);
            }
        }
        for (Row row : await(pool.preparedQuery("select t.ticket_id, t.status, exists (select 1 from assignment s where"
                + " s.ticket_id = t.ticket_id and s.released_at is null) as held from routed_ticket t where t.ticket_id = any($1)")
                .execute(Tuple.of((Object) tickets)))) {
            boolean assigned = "ASSIGNED".equals(row.getString("status"));
            if (assigned != row.getBoolean("held")) {
                violations.add("1: ticket " + row.getUUID("ticket_id") + " is " + row.getString("status")
                        + (row.getBoolean("held") ? " with" : " without") + " an assignee");
            }
        }
        violations.addAll(nothingWaitsForAFreeAgent());
        return violations;
    }

    private List<String> nothingWaitsForAFreeAgent() {
        List<String> violations = new ArrayList<>();
        Eligibility eligibility = new Eligibility(routing.teams());
        Map<String, Queue> queues = await(routing.transactions().read(c -> routing.queues().all(c)));
        List<Agent> agents = await(routing.transactions().read(c -> routing.agents().all(c))).stream()
                .filter(a -> world.agents.contains(a.id())).toList();
        var waiting = await(pool.preparedQuery("select ticket_id, queue_id, language from routed_ticket"
                + " where ticket_id = any($1) and status = 'WAITING'").execute(Tuple.of((Object) world.tickets.toArray(UUID[]::new))));
        for (Row ticket : waiting) {
            Queue queue = queues.get(ticket.getString("queue_id"));
            for (Agent agent : agents) {
                if (eligibility.canTake(agent, queue, ticket.getString("language"))) {
                    violations.add("3: ticket " + ticket.getUUID("ticket_id") + " waits in " + queue.id() + " while "
                            + agent.id() + " could take it");
                }
            }
        }
        return violations;
    }

    /**
     * The three properties at every step of the decision log ({@link LogReplay}), which must also be
     * what routing-decisions carries, and end in the loads the database holds.
     */
    List<String> onDecisionLog(List<DecisionLog.Entry> log) {
        Map<String, Queue> queues = await(routing.transactions().read(c -> routing.queues().all(c)));
        LogReplay replay = new LogReplay(new Eligibility(routing.teams()), queues, world.languages, Set.copyOf(world.agents));
        List<String> violations = new ArrayList<>(replay.replay(log));
        for (String agent : world.agents) {
            Agent now = await(routing.transactions().read(c -> routing.agents().find(c, agent))).orElseThrow();
            int replayed = replay.loads().getOrDefault(agent, 0);
            if (replayed != now.load()) {
                violations.add("2: replayed load of " + agent + " is " + replayed + ", the database says " + now.load());
            }
        }
        return violations;
    }

    /**
     * Property 2 as an auditor reads it from the tables' timestamps alone (as the system tests' fault
     * suite does): at the moment of every assignment, its agent held no more tickets than the capacity
     * in force then. Holds only if every assignment, release and capacity change is dated after the
     * row lock that ordered it; dating them by their transaction's start showed agents of two teams
     * "over capacity" when one transaction waited for another's release.
     */
    List<String> onTimestamps() {
        String[] agents = world.agents.toArray(String[]::new);
        Map<String, List<Instant[]>> held = new TreeMap<>();
        for (Row row : await(pool.preparedQuery("select agent_id, assigned_at, released_at from assignment where agent_id = any($1)")
                .execute(Tuple.of((Object) agents)))) {
            held.computeIfAbsent(row.getString("agent_id"), k -> new ArrayList<>()).add(new Instant[] {
                    Sql.instant(row, "assigned_at"), Sql.instant(row, "released_at") });
        }
        Map<String, NavigableMap<Instant, Integer>> capacities = new TreeMap<>();
        for (Row row : await(pool.preparedQuery("select agent_id, changed_at, capacity from agent_change where agent_id = any($1)"
                + " order by seq").execute(Tuple.of((Object) agents)))) {
            capacities.computeIfAbsent(row.getString("agent_id"), k -> new TreeMap<>())
                    .put(Sql.instant(row, "changed_at"), row.getInteger("capacity"));
        }
        List<String> violations = new ArrayList<>();
        held.forEach((agent, intervals) -> {
            var history = capacities.getOrDefault(agent, new TreeMap<>());
            for (Instant[] assignment : intervals) {
                Instant t = assignment[0];
                long holding = intervals.stream()
                        .filter(other -> !other[0].isAfter(t) && (other[1] == null || other[1].isAfter(t))).count();
                var inForce = history.floorEntry(t);
                if (inForce != null && holding > inForce.getValue()) {
                    violations.add("2: by the timestamps, agent " + agent + " held " + holding + " tickets at " + t
                            + " with capacity " + inForce.getValue());
                }
            }
        });
        return violations;
    }

    /** The world's tickets that agents hold now. */
    List<UUID> held() {
        List<UUID> held = new ArrayList<>();
        await(pool.preparedQuery("select ticket_id from routed_ticket where ticket_id = any($1) and status = 'ASSIGNED'")
                .execute(Tuple.of((Object) world.tickets.toArray(UUID[]::new))))
                .forEach(row -> held.add(row.getUUID("ticket_id")));
        return held;
    }

    int decisionsLogged() {
        String[] ticketKeys = world.tickets.stream().map(UUID::toString).toArray(String[]::new);
        return await(pool.preparedQuery("select count(*) as n from outbox where message_key = any($1)")
                .execute(Tuple.of((Object) ticketKeys))).iterator().next().getLong("n").intValue();
    }

    private static <T> T await(Uni<T> uni) {
        return uni.await().atMost(Duration.ofSeconds(120));
    }
}
