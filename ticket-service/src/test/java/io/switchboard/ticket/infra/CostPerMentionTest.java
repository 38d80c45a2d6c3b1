package io.switchboard.ticket.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.events.SwitchboardEvent;
import io.switchboard.events.mention.MentionReceived;
import io.switchboard.events.routing.AssignmentDecided;
import io.switchboard.events.routing.TicketQueued;
import io.switchboard.events.ticket.Priority;
import io.switchboard.ticket.testing.Mentions;
import io.switchboard.ticket.testing.TestDb;
import io.switchboard.ticket.testing.TestEvents;
import io.switchboard.ticket.testing.Upstream;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;

/**
 * What ticket-service costs PostgreSQL per mention, read from the server's own statistics: rows
 * written per table ({@code pg_stat_user_tables} of this run's private schema), transactions
 * committed ({@code pg_stat_database}, less this test's own queries) and, where the server loads
 * {@code pg_stat_statements}, statements executed; and the CPU this JVM spent per record. The
 * numbers are printed (the README quotes them); the assertions hold the batching in place: a burst of routing decisions must not
 * cost a commit each, as it did when {@code routing-decisions} was consumed one record per transaction.
 * Each phase is published as a burst, the backlog a lagging consumer sees, which is when the cost
 * per record matters; records trickling in one by one make batches of one or two.
 *
 * <p>The service's own background work (the outbox relay's timer every second, the SLA scanner every
 * five) commits too; the bounds allow three such commits per second of the phase.
 */
@QuarkusTest
class CostPerMentionTest {

    private static final int NEW_CONVERSATIONS = 150;
    private static final int REPLIES = 50;
    /** Server statistics reach the shared counters when a backend goes idle, at the latest ~10 s later. */
    private static final Duration STATS_SETTLE = Duration.ofSeconds(12);

    private final TestEvents mentionService = Upstream.mentionService();
    private final TestEvents routingService = Upstream.routingService();

    @Inject
    TestDb db;

    /** This test's own queries: each is a transaction of its own in pg_stat_database. */
    private long ownQueries;

    @Test
    void mentionsAndTheirRoutingDecisionsAreWrittenInBatches() {
        warmUp();

        Snapshot beforeMentions = settledSnapshot();
        Instant mentionsStarted = Instant.now();
        long cpuBeforeMentions = processCpuNanos();
        List<MentionReceived> mentions = mentions("cost");
        mentionService.publishBurst(mentions);
        awaitCount("select count(*) from message where mention_id = any($1)", mentionIds(mentions), mentions.size());
        // Relayed too: publishing and marking the events sent is part of a mention's cost.
        awaitCount("select count(*) from outbox_event where sent_at is null and created_at >= $1",
                mentionsStarted.minusSeconds(1).atOffset(ZoneOffset.UTC), 0);
        Duration mentionPhase = Duration.between(mentionsStarted, Instant.now());
        long mentionCpu = processCpuNanos() - cpuBeforeMentions;
        Snapshot afterMentions = settledSnapshot();

        List<UUID> tickets = ticketsOf(mentions);
        List<SwitchboardEvent> decisions = new ArrayList<>();
        for (UUID ticket : tickets) {
            decisions.add(TicketQueued.of(ticket, "q-care", "customer-care", Priority.NORMAL, 1, TicketQueued.Reason.NO_AGENT_ONLINE));
            decisions.add(AssignmentDecided.of(ticket, "agent-cost", "q-care", "customer-care",
                    AssignmentDecided.Reason.BEST_FIT, null));
        }
        Instant routingStarted = Instant.now();
        long cpuBeforeRouting = processCpuNanos();
        routingService.publishBurst(decisions);
        awaitCount("select count(*) from ticket where assignee_id = 'agent-cost' and id = any($1)",
                tickets.toArray(UUID[]::new), tickets.size());
        Duration routingPhase = Duration.between(routingStarted, Instant.now());
        long routingCpu = processCpuNanos() - cpuBeforeRouting;
        Snapshot afterRouting = settledSnapshot();

        Cost threading = afterMentions.minus(beforeMentions);
        Cost routing = afterRouting.minus(afterMentions);
        System.out.printf("%nCost of %d mentions (%d new conversations, %d replies), %.1f s, %.2f ms CPU each:%n%s%n",
                mentions.size(), NEW_CONVERSATIONS, REPLIES, mentionPhase.toMillis() / 1000.0,
                mentionCpu / 1e6 / mentions.size(), threading.describe(mentions.size()));
        System.out.printf("Cost of %d routing decisions for %d tickets, %.1f s, %.2f ms CPU each:%n%s%n", decisions.size(),
                tickets.size(), routingPhase.toMillis() / 1000.0, routingCpu / 1e6 / decisions.size(),
                routing.describe(decisions.size()));

        // Exactly what the mentions need and no more: every mention is one message.
        assertThat(threading.inserted("message")).isEqualTo(mentions.size());
        assertThat(routing.inserted("processed_event")).isEqualTo(decisions.size());
        assertThat(routing.inserted("audit_entry")).isEqualTo(decisions.size());
        // Batches, not a transaction per record: that would be >= 200 and >= 300 commits before the
        // outbox relay's own (two per round; the mentions' relay rounds vary with how the 200 arrive
        // in polls, 59-102 commits in all were seen, so the bound is one per mention).
        assertThat(threading.commits()).isLessThan(mentions.size());
        assertThat(routing.commits()).isLessThan(decisions.size() / 4 + 3 * seconds(routingPhase, STATS_SETTLE));
    }

    private void warmUp() {
        List<MentionReceived> mentions = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            mentions.add(Mentions.rootPost(Mentions.unique("warm"), "Warming up", Instant.now()));
        }
        mentionService.publishAll(mentions);
        awaitCount("select count(*) from message where mention_id = any($1)", mentionIds(mentions), mentions.size());
        for (UUID ticket : ticketsOf(mentions)) {
            routingService.publish(AssignmentDecided.of(ticket, "agent-warm", "q-care", "customer-care",
                    AssignmentDecided.Reason.BEST_FIT, null));
        }
        awaitCount("select count(*) from ticket where assignee_id = 'agent-warm'", null, mentions.size());
    }

    private static List<MentionReceived> mentions(String prefix) {
        List<MentionReceived> roots = new ArrayList<>();
        for (int i = 0; i < NEW_CONVERSATIONS; i++) {
            roots.add(Mentions.rootPost(Mentions.unique(prefix), "My order " + i + " never arrived", Instant.now()));
        }
        List<MentionReceived> all = new ArrayList<>(roots);
        for (int i = 0; i < REPLIES; i++) {
            MentionReceived root = roots.get(i);
            String reply = Mentions.unique("reply");
            all.add(Mentions.post(root.author().platformId(), root.author().handle(), root.conversationId(), reply,
                    root.externalId(), "Any news on this?", Mentions.actionable("Any news on this?"), Instant.now()));
        }
        return all;
    }

    private List<UUID> ticketsOf(List<MentionReceived> mentions) {
        List<UUID> tickets = new ArrayList<>();
        for (Row row : query("select distinct ticket_id from message where mention_id = any($1)", (Object) mentionIds(mentions))) {
            tickets.add(row.getUUID(0));
        }
        return tickets;
    }

    private static UUID[] mentionIds(List<MentionReceived> mentions) {
        return mentions.stream().map(MentionReceived::mentionId).toArray(UUID[]::new);
    }

    private void awaitCount(String sql, Object parameter, long expected) {
        until(() -> (parameter == null ? query(sql) : query(sql, parameter)).get(0).getLong(0) == expected);
    }

    private static void until(BooleanSupplier condition) {
        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(condition::getAsBoolean);
    }

    private List<Row> query(String sql, Object... parameters) {
        ownQueries++;
        return db.rows(sql, parameters);
    }

    /** Waits until the backends have reported what the phase did, then reads the counters. */
    private Snapshot settledSnapshot() {
        try {
            Thread.sleep(STATS_SETTLE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return snapshot();
    }

    private Snapshot snapshot() {
        Map<String, long[]> tables = new LinkedHashMap<>();
        for (Row row : query("select relname, n_tup_ins, n_tup_upd, n_tup_del from pg_stat_user_tables"
                + " where schemaname = current_schema() order by relname")) {
            tables.put(row.getString(0), new long[] {row.getLong(1), row.getLong(2), row.getLong(3)});
        }
        long commits = query("select xact_commit from pg_stat_database where datname = current_database()")
                .get(0).getLong(0);
        long statements = -1;
        long statementCommits = -1;
        if (query("select count(*) from pg_extension where extname = 'pg_stat_statements'").get(0).getLong(0) == 1) {
            // Every statement of the service's role in this database, but for this test's own and BEGIN/COMMIT.
            Row row = query("select coalesce(sum(calls) filter (where query not in ('BEGIN', 'COMMIT')"
                    + " and query not like '%pg_stat%' and query not like 'select count(*) from%'"
                    + " and query not like 'select distinct ticket_id from message%'), 0),"
                    + " coalesce(sum(calls) filter (where query = 'COMMIT'), 0) from pg_stat_statements"
                    + " where dbid = (select oid from pg_database where datname = current_database())"
                    + " and userid = (select oid from pg_roles where rolname = current_user)").get(0);
            statements = row.getLong(0);
            statementCommits = row.getLong(1);
        }
        // The queries above, this one's own transaction included, are not the service's.
        return new Snapshot(tables, commits - ownQueries, statements, statementCommits);
    }

    /**
     * CPU time of this JVM: the service and the test's own producer and polling together (the latter
     * the same before and after a change, so differences are the service's).
     */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long seconds(Duration phase, Duration settle) {
        return phase.plus(settle).toSeconds() + 1;
    }

    private record Snapshot(Map<String, long[]> tables, long commits, long statements, long statementCommits) {

        Cost minus(Snapshot earlier) {
            Map<String, long[]> delta = new LinkedHashMap<>();
            tables.forEach((table, now) -> {
                long[] before = earlier.tables.getOrDefault(table, new long[3]);
                delta.put(table, new long[] {now[0] - before[0], now[1] - before[1], now[2] - before[2]});
            });
            return new Cost(delta, commits - earlier.commits, statements < 0 ? -1 : statements - earlier.statements,
                    statementCommits < 0 ? -1 : statementCommits - earlier.statementCommits);
        }
    }

    private record Cost(Map<String, long[]> tables, long commits, long statements, long statementCommits) {

        long inserted(String table) {
            return tables.getOrDefault(table, new long[3])[0];
        }

        String describe(int per) {
            StringBuilder text = new StringBuilder();
            long inserts = 0;
            long updates = 0;
            for (Map.Entry<String, long[]> table : tables.entrySet()) {
                long[] rows = table.getValue();
                if (rows[0] + rows[1] + rows[2] > 0) {
                    text.append(String.format("  %-18s inserted %6d  updated %6d  deleted %6d%n", table.getKey(), rows[0],
                            rows[1], rows[2]));
                }
                inserts += rows[0];
                updates += rows[1];
            }
            text.append(String.format("  per record: %.2f rows inserted, %.2f updated, %.3f commits (pg_stat_database)",
                    inserts / (double) per, updates / (double) per, commits / (double) per));
            if (statements >= 0) {
                text.append(String.format(", %.2f statements and %.3f COMMITs (pg_stat_statements)",
                        statements / (double) per, statementCommits / (double) per));
            }
            return text.toString();
        }
    }
}
