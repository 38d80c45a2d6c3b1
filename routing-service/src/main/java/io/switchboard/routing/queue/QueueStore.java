package io.switchboard.routing.queue;

import static io.switchboard.routing.infra.db.Sql.array;
import static io.switchboard.routing.infra.db.Sql.strings;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** The queue table: a handful of rows, read whole. */
public final class QueueStore {

    private static final String COLUMNS = "id, name, team, required_skills, team_default, overflow_queue_id, overflow_after_seconds";

    public Uni<Map<String, Queue>> all(SqlClient client) {
        return client.query("select " + COLUMNS + " from queue order by id").execute().map(rows -> {
            Map<String, Queue> queues = new LinkedHashMap<>();
            rows.forEach(row -> {
                Queue queue = map(row);
                queues.put(queue.id(), queue);
            });
            return queues;
        });
    }

    /** Creates or replaces the queue. */
    public Uni<Void> upsert(SqlClient client, Queue queue) {
        return client.preparedQuery("insert into queue (id, name, team, required_skills, team_default, overflow_queue_id,"
                        + " overflow_after_seconds) values ($1, $2, $3, $4, $5, $6, $7)"
                        + " on conflict (id) do update set name = excluded.name, team = excluded.team,"
                        + " required_skills = excluded.required_skills, team_default = excluded.team_default,"
                        + " overflow_queue_id = excluded.overflow_queue_id,"
                        + " overflow_after_seconds = excluded.overflow_after_seconds, updated_at = now()")
                .execute(Tuple.from(new Object[] { queue.id(), queue.name(), queue.team(), array(queue.requiredSkills()),
                        queue.teamDefault(), queue.overflowQueueId(),
                        queue.overflowAfter() == null ? null : (int) queue.overflowAfter().toSeconds() }))
                .replaceWithVoid();
    }

    static Queue map(Row row) {
        Integer overflowSeconds = row.getInteger("overflow_after_seconds");
        return new Queue(row.getString("id"), row.getString("name"), row.getString("team"), strings(row, "required_skills"),
                row.getBoolean("team_default"), row.getString("overflow_queue_id"),
                overflowSeconds == null ? null : Duration.ofSeconds(overflowSeconds));
    }
}
