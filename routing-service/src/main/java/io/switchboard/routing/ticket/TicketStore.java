package io.switchboard.routing.ticket;

import static io.switchboard.routing.infra.db.Sql.array;
import static io.switchboard.routing.infra.db.Sql.instant;
import static io.switchboard.routing.infra.db.Sql.strings;
import static io.switchboard.routing.infra.db.Sql.ts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.Channel;
import io.switchboard.events.mention.Intent;
import io.switchboard.events.ticket.Priority;
import io.switchboard.routing.assignment.QueueOrder;
import io.switchboard.routing.assignment.WaitingTicket;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** The routed_ticket table: the queues' contents and what routing remembers of each ticket. */
public final class TicketStore {

    private static final String COLUMNS = "ticket_id, reference, channel, language, intent, priority, tags, customer_agent_id,"
            + " last_agent_id, queue_id, status, queued_at, escalated, overflowed, opened_at, first_assigned_at";

    private final QueueOrder order;

    public TicketStore(QueueOrder order) {
        this.order = order;
    }

    /** {@link QueueOrder#effectiveRank} in SQL for the row {@code alias}, with now, step and ceiling as parameters. */
    static String effectiveRank(String alias, int nowParam, int stepParam, int ceilingParam) {
        return "greatest(" + alias + ".priority_rank, least(" + alias + ".priority_rank + floor(extract(epoch from ($"
                + nowParam + "::timestamptz - " + alias + ".queued_at)) * 1000000 / $" + stepParam + ")::bigint, $"
                + ceilingParam + "))";
    }

    /** False when routing already knows the ticket (a second TicketOpened for it changes nothing). */
    public Uni<Boolean> insert(SqlConnection connection, RoutedTicket t) {
        return connection.preparedQuery("insert into routed_ticket (" + COLUMNS + ", priority_rank)"
                        + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)"
                        + " on conflict (ticket_id) do nothing")
                .execute(Tuple.from(new Object[] { t.ticketId(), t.reference(), t.channel().name(), t.language(),
                        t.intent().name(), t.priority().name(), array(t.tags()), t.customerAgentId(), t.lastAgentId(),
                        t.queueId(), t.status().name(), ts(t.queuedAt()), t.escalated(), t.overflowed(), ts(t.openedAt()),
                        ts(t.firstAssignedAt()), (short) t.priority().ordinal() }))
                .map(rows -> rows.rowCount() == 1);
    }

    public Uni<Optional<RoutedTicket>> find(SqlClient client, UUID ticketId) {
        return client.preparedQuery("select " + COLUMNS + " from routed_ticket where ticket_id = $1")
                .execute(Tuple.of(ticketId)).map(TicketStore::first);
    }

    public Uni<Optional<RoutedTicket>> findForUpdate(SqlConnection connection, UUID ticketId) {
        return connection.preparedQuery("select " + COLUMNS + " from routed_ticket where ticket_id = $1 for update")
                .execute(Tuple.of(ticketId)).map(TicketStore::first);
    }

    /**
     * Waiting tickets of the queues in queue order, leaving out those in a language none of the free
     * agents speaks and those already looked at.
     */
    public Uni<List<WaitingTicket>> waitingPage(SqlConnection connection, Collection<String> queueIds,
            Collection<String> languages, Collection<UUID> seen, int limit, Instant now) {
        String rank = effectiveRank("t", 5, 6, 7);
        return connection.preparedQuery("select " + COLUMNS + ", " + rank + " as effective_rank from routed_ticket t"
                        + " where t.status = 'WAITING' and t.queue_id = any($1::text[])"
                        + " and (t.language is null or t.language = any($2::text[]))"
                        + " and not (t.ticket_id = any($3::uuid[]))"
                        + " order by effective_rank desc, t.queued_at, t.ticket_id limit $4")
                .execute(Tuple.from(new Object[] { array(queueIds), array(languages), seen.toArray(UUID[]::new), limit,
                        ts(now), order.stepMicros(), order.ceiling() }))
                .map(rows -> {
                    List<WaitingTicket> page = new ArrayList<>();
                    rows.forEach(row -> page.add(map(row).asWaiting()));
                    return page;
                });
    }

    /**
     * The 1-based places of waiting tickets in their queues, in one pass over those queues (a ticket
     * no longer waiting has none). One query per transaction, not one per ticket: under a backlog of
     * thousands, counting ahead of each new ticket separately made PostgreSQL the bottleneck.
     */
    public Uni<Map<UUID, Integer>> positions(SqlConnection connection, Collection<UUID> ticketIds, Instant now) {
        String rank = effectiveRank("t", 2, 3, 4);
        return connection.preparedQuery("select ticket_id, position from (select t.ticket_id, row_number() over"
                        + " (partition by t.queue_id order by " + rank + " desc, t.queued_at, t.ticket_id) as position"
                        + " from routed_ticket t where t.status = 'WAITING' and t.queue_id in"
                        + " (select queue_id from routed_ticket where ticket_id = any($1::uuid[]))) ranked"
                        + " where ticket_id = any($1::uuid[])")
                .execute(Tuple.of(ticketIds.toArray(UUID[]::new), ts(now), order.stepMicros(), order.ceiling()))
                .map(rows -> {
                    Map<UUID, Integer> positions = new HashMap<>();
                    rows.forEach(row -> positions.put(row.getUUID("ticket_id"), row.getLong("position").intValue()));
                    return positions;
                });
    }

    public Uni<Void> markAssigned(SqlConnection connection, UUID ticketId, String agentId, Instant at) {
        return connection.preparedQuery("update routed_ticket set status = 'ASSIGNED', last_agent_id = $2,"
                        + " first_assigned_at = coalesce(first_assigned_at, $3), updated_at = now()"
                        + " where ticket_id = $1 and status = 'WAITING'")
                .execute(Tuple.of(ticketId, agentId, ts(at)))
                .invoke(rows -> expectOne(rows, "ticket is no longer waiting"))
                .replaceWithVoid();
    }

    /** Puts the ticket (back) in a queue; {@code queuedAt} null keeps the time the customer started waiting. */
    public Uni<Void> enqueue(SqlConnection connection, UUID ticketId, String queueId, boolean escalated, boolean overflowed,
            Instant queuedAt) {
        return connection.preparedQuery("update routed_ticket set status = 'WAITING', queue_id = $2, escalated = $3,"
                        + " overflowed = $4, queued_at = coalesce($5, queued_at), updated_at = now() where ticket_id = $1")
                .execute(Tuple.of(ticketId, queueId, escalated, overflowed, ts(queuedAt)))
                .invoke(rows -> expectOne(rows, "no such ticket"))
                .replaceWithVoid();
    }

    /**
     * Forgets the ticket's and its customer's previous agents, so a ticket a
     * supervisor moved away does not stick to them again.
     */
    public Uni<Void> forgetAgents(SqlConnection connection, UUID ticketId) {
        return connection.preparedQuery("update routed_ticket set last_agent_id = null, customer_agent_id = null,"
                        + " updated_at = now() where ticket_id = $1")
                .execute(Tuple.of(ticketId)).replaceWithVoid();
    }

    public Uni<Void> markEscalated(SqlConnection connection, UUID ticketId) {
        return connection.preparedQuery("update routed_ticket set escalated = true, updated_at = now() where ticket_id = $1")
                .execute(Tuple.of(ticketId)).replaceWithVoid();
    }

    /** The decision log's entry for a ticket that leaves its queue unassigned, closed (see V2__decision_log.sql). */
    public Uni<Void> logClosedWhileWaiting(SqlConnection connection, UUID ticketId, String queueId) {
        return connection.preparedQuery("insert into closed_while_waiting (ticket_id, queue_id) values ($1, $2)")
                .execute(Tuple.of(ticketId, queueId)).replaceWithVoid();
    }

    public Uni<Void> close(SqlConnection connection, UUID ticketId) {
        return connection.preparedQuery("update routed_ticket set status = 'CLOSED', updated_at = now() where ticket_id = $1")
                .execute(Tuple.of(ticketId)).replaceWithVoid();
    }

    public Uni<Void> changePriority(SqlConnection connection, UUID ticketId, Priority priority) {
        return connection.preparedQuery("update routed_ticket set priority = $2, priority_rank = $3, updated_at = now()"
                        + " where ticket_id = $1")
                .execute(Tuple.of(ticketId, priority.name(), (short) priority.ordinal())).replaceWithVoid();
    }

    public Uni<Void> changeTags(SqlConnection connection, UUID ticketId, Collection<String> tags) {
        return connection.preparedQuery("update routed_ticket set tags = $2, updated_at = now() where ticket_id = $1")
                .execute(Tuple.of(ticketId, array(tags))).replaceWithVoid();
    }

    /** Waiting tickets whose queue overflows and who have waited longer than it allows. */
    public Uni<List<UUID>> overflowDue(SqlClient client, int limit) {
        return client.preparedQuery("select t.ticket_id from routed_ticket t join queue q on q.id = t.queue_id"
                        + " where t.status = 'WAITING' and not t.overflowed and not t.escalated"
                        + " and q.overflow_queue_id is not null"
                        + " and t.queued_at < now() - make_interval(secs => q.overflow_after_seconds)"
                        + " order by t.queued_at limit $1")
                .execute(Tuple.of(limit))
                .map(rows -> {
                    List<UUID> ids = new ArrayList<>();
                    rows.forEach(row -> ids.add(row.getUUID("ticket_id")));
                    return ids;
                });
    }

    static RoutedTicket map(Row row) {
        return new RoutedTicket(row.getUUID("ticket_id"), row.getString("reference"), Channel.valueOf(row.getString("channel")),
                row.getString("language"), Intent.valueOf(row.getString("intent")), Priority.valueOf(row.getString("priority")),
                strings(row, "tags"), row.getString("customer_agent_id"), row.getString("last_agent_id"),
                row.getString("queue_id"), RoutedTicket.Status.valueOf(row.getString("status")), instant(row, "queued_at"),
                row.getBoolean("escalated"), row.getBoolean("overflowed"), instant(row, "opened_at"),
                instant(row, "first_assigned_at"));
    }

    private static Optional<RoutedTicket> first(RowSet<Row> rows) {
        var it = rows.iterator();
        return it.hasNext() ? Optional.of(map(it.next())) : Optional.empty();
    }

    private static void expectOne(RowSet<Row> rows, String problem) {
        if (rows.rowCount() != 1) {
            throw new IllegalStateException(problem);
        }
    }
}
