package io.switchboard.routing.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.agent.Presence;
import io.switchboard.events.ticket.Priority;
import io.switchboard.routing.agent.Agent;
import io.switchboard.routing.agent.AgentStore;
import io.switchboard.routing.agent.Teams;
import io.switchboard.routing.infra.db.Sql;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;

/** Depth, oldest wait, priority mix and the agents of each queue, in two queries. */
public final class QueueStatusQuery {

    private final QueueStore queues;
    private final AgentStore agents;
    private final Teams teams;

    public QueueStatusQuery(QueueStore queues, AgentStore agents, Teams teams) {
        this.queues = queues;
        this.agents = agents;
        this.teams = teams;
    }

    private record Waiting(Map<Priority, Integer> byPriority, Instant oldest) {
    }

    /** @param visibleTeams the teams the caller may see, null for all */
    public Uni<List<QueueStatus>> statuses(SqlClient client, Set<String> visibleTeams) {
        return queues.all(client).flatMap(all -> client.query("select queue_id, priority, count(*) as n,"
                        + " min(queued_at) as oldest from routed_ticket where status = 'WAITING' group by queue_id, priority")
                .execute()
                .flatMap(rows -> {
                    Map<String, Waiting> waiting = new HashMap<>();
                    for (Row row : rows) {
                        Waiting w = waiting.computeIfAbsent(row.getString("queue_id"),
                                id -> new Waiting(new EnumMap<>(Priority.class), null));
                        w.byPriority().put(Priority.valueOf(row.getString("priority")), row.getLong("n").intValue());
                        Instant oldest = Sql.instant(row, "oldest");
                        if (w.oldest() == null || oldest.isBefore(w.oldest())) {
                            waiting.put(row.getString("queue_id"), new Waiting(w.byPriority(), oldest));
                        }
                    }
                    List<Queue> visible = all.values().stream()
                            .filter(q -> visibleTeams == null || visibleTeams.contains(q.team())).toList();
                    Set<String> teamNames = new TreeSet<>();
                    visible.forEach(q -> teamNames.add(q.team()));
                    return agents.members(client, teamNames).map(members -> {
                        List<QueueStatus> statuses = new ArrayList<>();
                        Instant now = Instant.now();
                        for (Queue queue : visible) {
                            statuses.add(status(queue, waiting.get(queue.id()), members, now));
                        }
                        return statuses;
                    });
                }));
    }

    private QueueStatus status(Queue queue, Waiting waiting, List<Agent> members, Instant now) {
        Map<Priority, Integer> mix = new EnumMap<>(Priority.class);
        for (Priority p : Priority.values()) {
            mix.put(p, waiting == null ? 0 : waiting.byPriority().getOrDefault(p, 0));
        }
        int depth = mix.values().stream().mapToInt(Integer::intValue).sum();
        Long oldest = waiting == null || waiting.oldest() == null ? null
                : Math.max(0, Duration.between(waiting.oldest(), now).toSeconds());
        List<QueueStatus.AgentLoad> present = members.stream()
                .filter(a -> teams.isMember(a, queue.team()) && a.presence() != Presence.OFFLINE)
                .map(a -> new QueueStatus.AgentLoad(a.id(), a.displayName(), a.presence(), a.load(), a.capacity()))
                .toList();
        int online = (int) present.stream().filter(a -> a.presence() == Presence.ONLINE).count();
        return new QueueStatus(queue.id(), queue.name(), queue.team(), queue.requiredSkills().stream().sorted().toList(), depth,
                oldest, mix, online, present);
    }
}
