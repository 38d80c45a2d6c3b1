package io.switchboard.ticket.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.switchboard.kit.security.Roles;
import io.switchboard.ticket.infra.security.Scope;
import io.switchboard.ticket.testing.Mentions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;

/**
 * Free-text search reads the trigram indexes, not every message: on a contact center's working set
 * (10,000 more tickets with 30,000 messages, written in a transaction that is rolled back) the
 * planner's choice for the statement the API runs is checked with EXPLAIN, and the statement still
 * finds the one ticket that mentions the text.
 */
@QuarkusTest
class TicketSearchPlanTest {

    static final int TICKETS = 10_000;
    static final int MESSAGES_PER_TICKET = 3;

    @Inject
    TicketSearch search;

    @Inject
    Pool pool;

    @Test
    void freeTextIsLookedUpInTheTrigramIndexes() {
        String needle = Mentions.unique("needle");
        String prefix = "P" + UUID.randomUUID().toString().substring(0, 6) + "-";
        Scope agent = new Scope("plan-test", "plan-test", Set.of(Roles.AGENT), Set.of("customer-care"));
        TicketSearch.Statement statement = search.statement(new SearchCriteria(List.of(), null, null, null, List.of(),
                null, null, needle, null, null, 25), agent);

        record Outcome(List<String> indexes, List<String> found, String needleTicket) {
        }
        Outcome outcome = rolledBack(connection -> seed(connection, prefix, needle)
                .chain(() -> connection.preparedQuery("explain (format json) " + statement.sql())
                        .execute(Tuple.from(statement.params())))
                .map(plan -> indexesScanned(plan.iterator().next()))
                .chain(indexes -> connection.preparedQuery(statement.sql()).execute(Tuple.from(statement.params()))
                        .chain(rows -> connection.preparedQuery("select id from ticket where reference = $1")
                                .execute(Tuple.of(prefix + 2))
                                .map(needleTicket -> new Outcome(indexes, ids(rows),
                                        needleTicket.iterator().next().getUUID(0).toString())))));

        assertThat(outcome.indexes()).contains("message_text_trgm", "ticket_summary_trgm", "ticket_reference_trgm");
        assertThat(outcome.found()).containsExactly(outcome.needleTicket());
    }

    /**
     * Tickets of both teams with messages in a handful of phrasings, one of which mentions the
     * needle; then what autovacuum would have done by the time anyone searches: the indexes'
     * pending entries merged and the statistics up to date.
     */
    private static Uni<Void> seed(SqlConnection connection, String prefix, String needle) {
        return connection.query("insert into customer (id, created_at, updated_at) values"
                        + " ('00000000-0000-4000-8000-0000000000aa', now(), now()) on conflict do nothing").execute()
                .chain(() -> connection.preparedQuery("""
                        insert into ticket (id, reference, channel, conversation_id, visibility, customer_id, summary,
                                            intent, priority, team, status, first_mention_id, created_at, updated_at)
                        select gen_random_uuid(), $1::text || i, 'X', 'plan-' || i, 'PUBLIC', '00000000-0000-4000-8000-0000000000aa',
                               (array['My order has not arrived', 'Refund still missing', 'App crashes on login',
                                      'Billing question about my invoice', 'Love the new update'])[1 + i % 5]
                                   || ' #' || substr(md5(i::text), 1, 8),
                               'COMPLAINT', 'NORMAL', (array['customer-care', 'tech-support'])[1 + i % 2], 'OPEN',
                               gen_random_uuid(), now() - make_interval(mins => i), now()
                          from generate_series(1, $2) i""").execute(Tuple.of(prefix, TICKETS)))
                .chain(() -> connection.preparedQuery("""
                        insert into message (id, ticket_id, kind, author_id, text, created_at)
                        select gen_random_uuid(), t.id, 'CUSTOMER', 'plan-test',
                               'Order ' || substr(md5(t.reference || j), 1, 10) || ' '
                                   || (array['still has not arrived, can you check?',
                                             'the courier says delivered but nothing is here',
                                             'I want my money back please', 'your app logs me out every time',
                                             'thanks for the quick help!'])[1 + (j + length(t.reference)) % 5]
                                   || case when t.reference = $1::text || 2 and j = 1 then ' ' || $3::text else '' end,
                               now()
                          from ticket t cross join generate_series(1, $2) j
                         where t.reference like $1::text || '%'""")
                        .execute(Tuple.of(prefix, MESSAGES_PER_TICKET, needle)))
                .chain(() -> connection.query("select gin_clean_pending_list('message_text_trgm'),"
                        + " gin_clean_pending_list('ticket_summary_trgm'), gin_clean_pending_list('ticket_reference_trgm')")
                        .execute())
                .chain(() -> connection.query("analyze ticket, message").execute())
                .replaceWithVoid();
    }

    /** Runs the work in a transaction that is always rolled back, so the shared database keeps none of it. */
    private <T> T rolledBack(Function<SqlConnection, Uni<T>> work) {
        return pool.getConnection().chain(connection -> connection.begin()
                        .chain(transaction -> work.apply(connection).call(transaction::rollback))
                        .eventually(connection::close))
                .await().atMost(Duration.ofMinutes(3));
    }

    /** The names of every index the plan reads (EXPLAIN's JSON: nested "Plans" with "Index Name"). */
    private static List<String> indexesScanned(Row plan) {
        List<String> indexes = new ArrayList<>();
        Object json = plan.getValue(0);
        collect(json instanceof String text ? new JsonArray(text) : json, indexes);
        return indexes;
    }

    private static void collect(Object node, List<String> indexes) {
        if (node instanceof JsonArray array) {
            array.forEach(element -> collect(element, indexes));
        } else if (node instanceof JsonObject object) {
            if (object.containsKey("Index Name")) {
                indexes.add(object.getString("Index Name"));
            }
            object.forEach(entry -> collect(entry.getValue(), indexes));
        }
    }

    private static List<String> ids(io.vertx.mutiny.sqlclient.RowSet<Row> rows) {
        List<String> ids = new ArrayList<>();
        rows.forEach(row -> ids.add(row.getUUID("id").toString()));
        return ids;
    }
}
