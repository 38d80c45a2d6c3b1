package io.switchboard.routing.agent;

import static io.switchboard.routing.infra.db.Sql.array;
import static io.switchboard.routing.infra.db.Sql.instant;
import static io.switchboard.routing.infra.db.Sql.strings;
import static io.switchboard.routing.infra.db.Sql.ts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.agent.Presence;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** The agent table. Load only changes here, one ticket at a time, under the agent's row lock. */
public final class AgentStore {

    private static final String COLUMNS = "id, username, display_name, teams, skills, languages, supervisor, capacity,"
            + " active_count, presence, presence_changed_at, last_heartbeat_at, last_assigned_at";
    private static final String IN_TEAMS = "(teams && $1::text[] or (supervisor and $2::text = any($1::text[])))";

    private final Teams teams;

    public AgentStore(Teams teams) {
        this.teams = teams;
    }

    public Uni<Optional<Agent>> find(SqlClient client, String id) {
        return client.preparedQuery("select " + COLUMNS + " from agent where id = $1").execute(Tuple.of(id))
                .map(AgentStore::first);
    }

    public Uni<Optional<Agent>> findForUpdate(SqlConnection connection, String id) {
        return connection.preparedQuery("select " + COLUMNS + " from agent where id = $1 for update").execute(Tuple.of(id))
                .map(AgentStore::first);
    }

    public Uni<List<Agent>> all(SqlClient client) {
        return client.query("select " + COLUMNS + " from agent order by id").execute().map(AgentStore::list);
    }

    /** The online agents of the teams with free capacity, row-locked in id order (no lock cycles). */
    public Uni<List<Agent>> lockFree(SqlConnection connection, Collection<String> teamNames) {
        return connection.preparedQuery("select " + COLUMNS + " from agent where presence = 'ONLINE'"
                        + " and active_count < capacity and " + IN_TEAMS + " order by id for update")
                .execute(Tuple.of(array(teamNames), teams.escalationTeam()))
                .map(AgentStore::list);
    }

    /** Every agent of the teams, whatever their presence. */
    public Uni<List<Agent>> members(SqlClient client, Collection<String> teamNames) {
        return client.preparedQuery("select " + COLUMNS + " from agent where " + IN_TEAMS + " order by id")
                .execute(Tuple.of(array(teamNames), teams.escalationTeam()))
                .map(AgentStore::list);
    }

    public Uni<Void> insert(SqlConnection connection, Agent agent) {
        return connection.preparedQuery("insert into agent (id, username, display_name, teams, skills, languages, supervisor,"
                        + " capacity, presence, presence_changed_at, last_heartbeat_at)"
                        + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) on conflict (id) do nothing")
                .execute(Tuple.from(new Object[] { agent.id(), agent.username(), agent.displayName(), array(agent.teams()),
                        array(agent.skills()), array(agent.languages()), agent.supervisor(), agent.capacity(),
                        agent.presence().name(), ts(agent.presenceChangedAt()), ts(agent.lastHeartbeatAt()) }))
                .replaceWithVoid();
    }

    /** Writes everything about the agent but their load, which only {@link #takeOne}/{@link #releaseOne} change. */
    public Uni<Void> update(SqlConnection connection, Agent agent) {
        return connection.preparedQuery("update agent set username = coalesce($2, username), display_name = $3, teams = $4,"
                        + " skills = $5, languages = $6, supervisor = $7, capacity = $8, presence = $9,"
                        + " presence_changed_at = $10, last_heartbeat_at = $11, updated_at = now() where id = $1")
                .execute(Tuple.from(new Object[] { agent.id(), agent.username(), agent.displayName(), array(agent.teams()),
                        array(agent.skills()), array(agent.languages()), agent.supervisor(), agent.capacity(),
                        agent.presence().name(), ts(agent.presenceChangedAt()), ts(agent.lastHeartbeatAt()) }))
                .replaceWithVoid();
    }

    /**
     * One more ticket for the agent, only while they have free capacity (and, unless a supervisor
     * hands it over, are online). Empty when the condition no longer holds; else the moment of the
     * assignment, read from the clock once the agent's row is locked, not the transaction's start:
     * a transaction that waited for this row behind another one's release must not date its
     * assignment before that release (the audit trail would show the agent over capacity).
     */
    public Uni<Optional<Instant>> takeOne(SqlConnection connection, String agentId, boolean requireOnline) {
        return connection.preparedQuery("update agent set active_count = active_count + 1, last_assigned_at = clock_timestamp(),"
                        + " updated_at = now() where id = $1 and active_count < capacity"
                        + (requireOnline ? " and presence = 'ONLINE'" : " and presence <> 'OFFLINE'")
                        + " returning last_assigned_at")
                .execute(Tuple.of(agentId))
                .map(rows -> {
                    var it = rows.iterator();
                    return it.hasNext() ? Optional.of(instant(it.next(), "last_assigned_at")) : Optional.<Instant>empty();
                });
    }

    public Uni<Void> releaseOne(SqlConnection connection, String agentId) {
        return connection.preparedQuery("update agent set active_count = active_count - 1, updated_at = now() where id = $1")
                .execute(Tuple.of(agentId))
                .invoke(rows -> {
                    if (rows.rowCount() != 1) {
                        throw new IllegalStateException("no agent to release a ticket from");
                    }
                })
                .replaceWithVoid();
    }

    /**
     * A heartbeat that changes nothing but the time: no lock of the agent's teams needed. False when
     * the agent is unknown or their presence differs (the caller then applies it as a change).
     */
    public Uni<Boolean> touchHeartbeat(SqlClient client, String agentId, Presence presence, Instant at) {
        return client.preparedQuery("update agent set last_heartbeat_at = greatest(last_heartbeat_at, $3)"
                        + " where id = $1 and presence = $2")
                .execute(Tuple.of(agentId, presence.name(), ts(at)))
                .map(rows -> rows.rowCount() == 1);
    }

    /**
     * An entry of the decision log: the agent as eligibility sees them after a change of presence,
     * capacity, teams, skills, languages or the supervisor flag (callers record any of these).
     */
    public Uni<Void> recordChange(SqlConnection connection, Agent agent, String cause) {
        return connection.preparedQuery("insert into agent_change (agent_id, capacity, presence, teams, skills, languages,"
                        + " supervisor, cause) values ($1, $2, $3, $4, $5, $6, $7, $8)")
                .execute(Tuple.from(new Object[] { agent.id(), agent.capacity(), agent.presence().name(), array(agent.teams()),
                        array(agent.skills()), array(agent.languages()), agent.supervisor(), cause }))
                .replaceWithVoid();
    }

    /** Whether anything eligibility depends on differs between the two (the load aside). */
    public static boolean eligibilityChanged(Agent before, Agent after) {
        return before.presence() != after.presence() || before.capacity() != after.capacity()
                || !before.teams().equals(after.teams()) || !before.skills().equals(after.skills())
                || !before.languages().equals(after.languages()) || before.supervisor() != after.supervisor();
    }

    /** Agents still counted present whose last heartbeat is older than the timeout. */
    public Uni<List<String>> silentSince(SqlClient client, Duration timeout, int limit) {
        return client.preparedQuery("select id from agent where presence <> 'OFFLINE'"
                        + " and last_heartbeat_at < now() - make_interval(secs => $1) order by last_heartbeat_at limit $2")
                .execute(Tuple.of((double) timeout.toMillis() / 1000.0, limit))
                .map(rows -> {
                    List<String> ids = new ArrayList<>();
                    rows.forEach(row -> ids.add(row.getString("id")));
                    return ids;
                });
    }

    static Agent map(Row row) {
        return new Agent(row.getString("id"), row.getString("username"), row.getString("display_name"),
                strings(row, "teams"), strings(row, "skills"), strings(row, "languages"), row.getBoolean("supervisor"),
                row.getInteger("capacity"), row.getInteger("active_count"), Presence.valueOf(row.getString("presence")),
                instant(row, "presence_changed_at"), instant(row, "last_heartbeat_at"), instant(row, "last_assigned_at"));
    }

    private static Optional<Agent> first(RowSet<Row> rows) {
        var it = rows.iterator();
        return it.hasNext() ? Optional.of(map(it.next())) : Optional.empty();
    }

    private static List<Agent> list(RowSet<Row> rows) {
        List<Agent> agents = new ArrayList<>();
        rows.forEach(row -> agents.add(map(row)));
        return agents;
    }
}
