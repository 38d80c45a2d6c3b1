package io.switchboard.ticket.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.awaitility.Awaitility;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Plain SQL against the service's real database, for assertions from the test thread. */
@ApplicationScoped
public class TestDb {

    public static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    Pool pool;

    public List<Row> rows(String sql, Object... params) {
        List<Row> rows = new ArrayList<>();
        pool.preparedQuery(sql).execute(Tuple.from(List.of(params))).await().atMost(Duration.ofSeconds(30))
                .forEach(rows::add);
        return rows;
    }

    public long count(String sql, Object... params) {
        return rows(sql, params).get(0).getLong(0);
    }

    public int update(String sql, Object... params) {
        return pool.preparedQuery(sql).execute(Tuple.from(List.of(params))).await().atMost(Duration.ofSeconds(30))
                .rowCount();
    }

    /** The ticket holding a mention's message, or null while it is not threaded yet. */
    public UUID ticketOfMention(UUID mentionId) {
        List<Row> rows = rows("select ticket_id from message where mention_id = $1", mentionId);
        return rows.isEmpty() ? null : rows.get(0).getUUID(0);
    }

    public Map<String, Object> ticket(UUID ticketId) {
        List<Row> rows = rows("select * from ticket where id = $1", ticketId);
        return rows.isEmpty() ? null : rows.get(0).toJson().getMap();
    }

    /** Waits until every mention is a message and returns their tickets, in order. */
    public List<UUID> awaitThreaded(List<UUID> mentionIds) {
        List<UUID> tickets = new ArrayList<>();
        Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> {
            tickets.clear();
            for (UUID mention : mentionIds) {
                UUID ticket = ticketOfMention(mention);
                if (ticket == null) {
                    return false;
                }
                tickets.add(ticket);
            }
            return true;
        });
        return tickets;
    }

    public UUID awaitThreaded(UUID mentionId) {
        return awaitThreaded(List.of(mentionId)).get(0);
    }

    public boolean isIgnored(UUID mentionId) {
        return count("select count(*) from ignored_mention where mention_id = $1", mentionId) == 1;
    }

    public static <T> T eventually(Supplier<T> value) {
        return Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(value::get, v -> v != null);
    }
}
