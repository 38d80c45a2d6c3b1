package io.switchboard.routing.scale;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.switchboard.events.EventCodec;
import io.switchboard.events.SwitchboardEvent;
import io.switchboard.events.agent.Presence;
import io.switchboard.routing.infra.db.Sql;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The scale world's decision log, read from the database in the order of routing_seq, which every
 * entry takes while the rows it is about are locked: the decisions (the outbox, which the relay
 * publishes on routing-decisions), every change of an agent's eligibility (agent_change: the
 * presence and profile churn), and tickets closed while they waited. Each entry names the
 * transaction that wrote it.
 */
final class DecisionLog {

    /** One entry; {@code tx} is the writing transaction. */
    sealed interface Entry {
        long seq();

        long tx();
    }

    /** An event of the outbox: AssignmentDecided, AssignmentReleased or TicketQueued. */
    record Decision(long seq, long tx, UUID eventId, String key, SwitchboardEvent event) implements Entry {
    }

    /** The agent as eligibility sees them after a change (their load comes from the decisions). */
    record AgentChanged(long seq, long tx, String agentId, Presence presence, int capacity, Set<String> teams,
            Set<String> skills, Set<String> languages, boolean supervisor) implements Entry {
    }

    /** The ticket left its queue unassigned: resolved or closed while it waited. */
    record ClosedWhileWaiting(long seq, long tx, UUID ticketId) implements Entry {
    }

    private DecisionLog() {
    }

    /**
     * Every entry about the world's tickets and agents, including decisions about other tickets that
     * reached its agents (the service's own engine may hand its escalations to the world's supervisors:
     * they count towards their load).
     */
    static List<Entry> read(Pool pool, ScaleWorld world) {
        String[] tickets = world.tickets.stream().map(UUID::toString).toArray(String[]::new);
        UUID[] ticketIds = world.tickets.toArray(UUID[]::new);
        String[] agents = world.agents.toArray(String[]::new);
        var rows = pool.preparedQuery("select * from ("
                + " select id as seq, tx_id, 'decision' as kind, event_id, message_key, ce_type, payload, null as agent_id,"
                + " null as presence, null::int as capacity, null::text[] as teams, null::text[] as skills,"
                + " null::text[] as languages, null::boolean as supervisor, null::uuid as ticket_id from outbox"
                + " where message_key = any($1) or (payload::jsonb ->> 'agentId') = any($2)"
                + " union all select seq, tx_id, 'agent', null, null, null, null, agent_id, presence, capacity, teams, skills,"
                + " languages, supervisor, null from agent_change where agent_id = any($2)"
                + " union all select seq, tx_id, 'closed', null, null, null, null, null, null, null, null, null, null, null,"
                + " ticket_id from closed_while_waiting where ticket_id = any($3)"
                + ") log order by seq").execute(Tuple.of(tickets, agents, ticketIds))
                .await().atMost(Duration.ofMinutes(2));
        List<Entry> log = new ArrayList<>();
        for (Row row : rows) {
            log.add(entry(row));
        }
        return log;
    }

    private static Entry entry(Row row) {
        long seq = row.getLong("seq");
        // Entries from before the log named transactions are each their own.
        long tx = row.getLong("tx_id") == null ? -seq : row.getLong("tx_id");
        return switch (row.getString("kind")) {
            case "decision" -> new Decision(seq, tx, row.getUUID("event_id"), row.getString("message_key"),
                    EventCodec.decode(row.getString("ce_type"), row.getString("payload").getBytes(StandardCharsets.UTF_8)));
            case "agent" -> new AgentChanged(seq, tx, row.getString("agent_id"), Presence.valueOf(row.getString("presence")),
                    row.getInteger("capacity"), Sql.strings(row, "teams"), Sql.strings(row, "skills"),
                    Sql.strings(row, "languages"), Boolean.TRUE.equals(row.getBoolean("supervisor")));
            case "closed" -> new ClosedWhileWaiting(seq, tx, row.getUUID("ticket_id"));
            default -> throw new IllegalStateException("unknown log entry " + row.getString("kind"));
        };
    }
}
