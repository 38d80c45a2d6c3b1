package io.switchboard.routing.assignment;

import static io.switchboard.routing.infra.db.Sql.instant;
import static io.switchboard.routing.infra.db.Sql.ts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** The assignment table; the unique index on active assignments is the last word on "one assignee". */
public final class AssignmentStore {

    private static final String COLUMNS = "id, ticket_id, agent_id, queue_id, team, reason, assigned_at, answered_at";

    public Uni<Void> insert(SqlConnection connection, UUID ticketId, String agentId, String queueId, String team,
            String reason, Instant at) {
        return connection.preparedQuery("insert into assignment (ticket_id, agent_id, queue_id, team, reason, assigned_at)"
                        + " values ($1, $2, $3, $4, $5, $6)")
                .execute(Tuple.of(ticketId, agentId, queueId, team, reason, ts(at)))
                .replaceWithVoid();
    }

    public Uni<Optional<Assignment>> active(SqlClient client, UUID ticketId) {
        return client.preparedQuery("select " + COLUMNS + " from assignment where ticket_id = $1 and released_at is null")
                .execute(Tuple.of(ticketId))
                .map(rows -> {
                    var it = rows.iterator();
                    return it.hasNext() ? Optional.of(map(it.next())) : Optional.empty();
                });
    }

    public Uni<List<Assignment>> activeOf(SqlClient client, String agentId) {
        return client.preparedQuery("select " + COLUMNS + " from assignment where agent_id = $1 and released_at is null"
                        + " order by assigned_at, id")
                .execute(Tuple.of(agentId)).map(AssignmentStore::list);
    }

    /** The teams of the queues the agent's current tickets sit in (a release touches them too). */
    public Uni<Set<String>> teamsOfActive(SqlClient client, String agentId) {
        return client.preparedQuery("select distinct q.team from assignment a join routed_ticket t on t.ticket_id = a.ticket_id"
                        + " join queue q on q.id = t.queue_id where a.agent_id = $1 and a.released_at is null")
                .execute(Tuple.of(agentId))
                .map(rows -> {
                    Set<String> teams = new TreeSet<>();
                    rows.forEach(row -> teams.add(row.getString("team")));
                    return teams;
                });
    }

    /**
     * Ends the assignment; false if it had already ended. Dated by the clock, as {@code takeOne}
     * dates an assignment, so the two agree with the order the agent's row lock gave them.
     */
    public Uni<Boolean> release(SqlConnection connection, long assignmentId, String reason) {
        return connection.preparedQuery("update assignment set released_at = clock_timestamp(), release_reason = $2"
                        + " where id = $1 and released_at is null")
                .execute(Tuple.of(assignmentId, reason))
                .map(rows -> rows.rowCount() == 1);
    }

    public Uni<Void> markAnswered(SqlConnection connection, UUID ticketId, Instant at) {
        return connection.preparedQuery("update assignment set answered_at = coalesce(answered_at, $2)"
                        + " where ticket_id = $1 and released_at is null")
                .execute(Tuple.of(ticketId, ts(at))).replaceWithVoid();
    }

    static Assignment map(Row row) {
        return new Assignment(row.getLong("id"), row.getUUID("ticket_id"), row.getString("agent_id"),
                row.getString("queue_id"), row.getString("team"), row.getString("reason"), instant(row, "assigned_at"),
                instant(row, "answered_at"));
    }

    private static List<Assignment> list(RowSet<Row> rows) {
        List<Assignment> list = new ArrayList<>();
        rows.forEach(row -> list.add(map(row)));
        return list;
    }
}
