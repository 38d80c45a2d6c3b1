package io.switchboard.system.faults;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

import io.switchboard.events.Channel;
import io.switchboard.platform.Service;

/**
 * What the services' databases really hold about a run, read over JDBC: the invariants are checked
 * against these rows and the load generator's own record, not against what an API reports.
 */
final class StoreAudit {

    /** A post mention-service stored: its channel id and the mention id it gave it. */
    record StoredMention(Channel channel, String externalId, UUID mentionId) {
    }

    /** Where ticket-service recorded a mention: on a ticket as a customer message, or counted as ignored. */
    record Recorded(Map<UUID, List<UUID>> ticketsByMention, Set<UUID> ignored, Map<String, Integer> customerMessagesByExternalId) {
    }

    /** An agent reply ticket-service holds, found by its marker. */
    record StoredReply(String marker, String deliveryState) {
    }

    /** One assignment as routing-service keeps it; {@code releasedAt} null while it holds. */
    record Assignment(UUID ticketId, String agentId, Instant assignedAt, Instant releasedAt) {

        boolean activeAt(Instant t) {
            return !assignedAt.isAfter(t) && (releasedAt == null || releasedAt.isAfter(t));
        }
    }

    /** A capacity an agent had from {@code from} on. */
    record Capacity(String agentId, Instant from, int capacity) {
    }

    private final ServiceDatabases databases;

    StoreAudit(ServiceDatabases databases) {
        this.databases = databases;
    }

    List<StoredMention> mentions(Channel channel, Collection<String> externalIds) throws SQLException {
        return query(Service.MENTION, "select channel, external_id, mention_id from mention where channel = ? and external_id = any(?)",
                st -> {
                    st.setString(1, channel.name());
                    st.setArray(2, texts(st.getConnection(), externalIds));
                },
                rs -> new StoredMention(Channel.valueOf(rs.getString(1)), rs.getString(2), rs.getObject(3, UUID.class)));
    }

    Recorded recorded(Collection<UUID> mentionIds, Collection<String> externalIds) throws SQLException {
        Map<UUID, List<UUID>> tickets = new HashMap<>();
        for (UUID[] row : this.<UUID[]>query(Service.TICKET, "select mention_id, ticket_id from message where mention_id = any(?)",
                st -> st.setArray(1, uuids(st.getConnection(), mentionIds)),
                rs -> new UUID[] { rs.getObject(1, UUID.class), rs.getObject(2, UUID.class) })) {
            tickets.computeIfAbsent(row[0], k -> new ArrayList<>()).add(row[1]);
        }
        Set<UUID> ignored = Set.copyOf(query(Service.TICKET, "select mention_id from ignored_mention where mention_id = any(?)",
                st -> st.setArray(1, uuids(st.getConnection(), mentionIds)), rs -> rs.getObject(1, UUID.class)));
        Map<String, Integer> byExternalId = new HashMap<>();
        for (Object[] row : this.<Object[]>query(Service.TICKET,
                "select external_id, count(*) from message where kind = 'CUSTOMER' and external_id = any(?) group by external_id",
                st -> st.setArray(1, texts(st.getConnection(), externalIds)), rs -> new Object[] { rs.getString(1), rs.getInt(2) })) {
            byExternalId.put((String) row[0], (Integer) row[1]);
        }
        return new Recorded(tickets, ignored, byExternalId);
    }

    /** The tickets holding these posts as customer messages. */
    Set<UUID> ticketsOf(Collection<String> externalIds) throws SQLException {
        return Set.copyOf(query(Service.TICKET, "select distinct ticket_id from message where kind = 'CUSTOMER' and external_id = any(?)",
                st -> st.setArray(1, texts(st.getConnection(), externalIds)), rs -> rs.getObject(1, UUID.class)));
    }

    /** The tickets' assignees as ticket-service shows them (null: none). */
    Map<UUID, String> assignees(Collection<UUID> ticketIds) throws SQLException {
        Map<UUID, String> assignees = new HashMap<>();
        for (Object[] row : this.<Object[]>query(Service.TICKET, "select id, assignee_id from ticket where id = any(?)",
                st -> st.setArray(1, uuids(st.getConnection(), ticketIds)), rs -> new Object[] { rs.getObject(1, UUID.class), rs.getString(2) })) {
            assignees.put((UUID) row[0], (String) row[1]);
        }
        return assignees;
    }

    /**
     * How a ticket's assignee came to be, for a failure message: ticket-service's audit lines (details
     * only of the system's own, which name agents, teams and queues, never customer text) and
     * routing-service's assignment rows.
     */
    List<String> assigneeTrail(UUID ticketId) throws SQLException {
        List<String> trail = new ArrayList<>(query(Service.TICKET, "select occurred_at, seq, actor_kind, action,"
                        + " case when actor_kind = 'SYSTEM' then detail end from audit_entry where ticket_id = ? order by seq",
                st -> st.setObject(1, ticketId),
                rs -> "  ticket-service " + rs.getTimestamp(1).toInstant() + " #" + rs.getLong(2) + " " + rs.getString(3)
                        + " " + rs.getString(4) + (rs.getString(5) == null ? "" : ": " + rs.getString(5))));
        trail.addAll(query(Service.ROUTING, "select agent_id, assigned_at, released_at from assignment where ticket_id = ?"
                        + " order by assigned_at",
                st -> st.setObject(1, ticketId),
                rs -> "  routing-service assignment to " + rs.getString(1) + " from " + rs.getTimestamp(2).toInstant()
                        + (rs.getTimestamp(3) == null ? ", holding" : " to " + rs.getTimestamp(3).toInstant())));
        return trail;
    }

    /** Agent replies whose text carries one of the run's markers ({@code (f<run>-r<n>)}). */
    List<StoredReply> replies(String markerPrefix) throws SQLException {
        return query(Service.TICKET, "select substring(text from '\\((" + "f[0-9a-z]+-r[0-9]+" + ")\\)'), delivery_state from message"
                        + " where kind = 'AGENT_REPLY' and text like ?",
                st -> st.setString(1, "%(" + markerPrefix + "%"),
                rs -> new StoredReply(rs.getString(1), rs.getString(2)));
    }

    /** Every assignment that held at some moment since {@code since}, of any ticket (agents are shared). */
    List<Assignment> assignmentsSince(Instant since) throws SQLException {
        return query(Service.ROUTING, "select ticket_id, agent_id, assigned_at, released_at from assignment"
                        + " where released_at is null or released_at >= ?",
                st -> st.setTimestamp(1, Timestamp.from(since)),
                rs -> new Assignment(rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()));
    }

    /** Each agent's capacity over time: every recorded change, and the current value from the start of time. */
    Map<String, List<Capacity>> capacities() throws SQLException {
        Map<String, List<Capacity>> byAgent = new TreeMap<>();
        for (Capacity c : query(Service.ROUTING, "select id, capacity from agent", st -> { },
                rs -> new Capacity(rs.getString(1), Instant.EPOCH, rs.getInt(2)))) {
            byAgent.computeIfAbsent(c.agentId(), k -> new ArrayList<>()).add(c);
        }
        for (Capacity c : query(Service.ROUTING, "select agent_id, changed_at, capacity from agent_change order by seq", st -> { },
                rs -> new Capacity(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getInt(3)))) {
            byAgent.computeIfAbsent(c.agentId(), k -> new ArrayList<>()).add(c);
        }
        byAgent.values().forEach(list -> list.sort(Comparator.comparing(Capacity::from)));
        return byAgent;
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement st) throws SQLException;
    }

    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(Service service, String sql, Binder binder, RowReader<T> reader) throws SQLException {
        try (Connection c = databases.open(service); PreparedStatement st = c.prepareStatement(sql)) {
            binder.bind(st);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(reader.read(rs));
                }
            }
            return rows;
        }
    }

    private static Array texts(Connection c, Collection<String> values) throws SQLException {
        return c.createArrayOf("text", values.toArray());
    }

    private static Array uuids(Connection c, Collection<UUID> values) throws SQLException {
        return c.createArrayOf("uuid", values.toArray());
    }

    static <K, V> Map<K, List<V>> group(Collection<V> values, Function<V, K> key) {
        Map<K, List<V>> grouped = new HashMap<>();
        values.forEach(v -> grouped.computeIfAbsent(key.apply(v), k -> new ArrayList<>()).add(v));
        return grouped;
    }
}
