package io.switchboard.routing.infra;

import static io.switchboard.routing.testing.Scenario.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.events.Actor;
import io.switchboard.events.ticket.TicketStatus;
import io.switchboard.events.ticket.TicketStatusChanged;
import io.switchboard.routing.testing.Scenario;
import io.switchboard.routing.testing.ScenarioTest;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;

/**
 * The decision log's tables are purged past their retention, in batches, keeping what is still
 * needed: each agent's latest change, and everything younger than the cutoff.
 */
@QuarkusTest
class DecisionLogRetentionTest extends ScenarioTest {

    private static final Duration OLD = Duration.ofDays(30);

    @Inject
    DecisionLogRetention retention;

    @Test
    void entriesPastTheRetentionGoInBatchesButEachAgentsLatestChangeAndRecentEntriesStay() {
        Scenario s = scenario();
        String longGone = s.agent("long-gone", "care", 2);
        s.online(longGone);
        s.offline(longGone);
        String recent = s.agent("recent", "care", 2);
        s.online(recent);
        s.offline(recent);
        UUID closedLongAgo = closedWhileWaiting(s);
        UUID closedToday = closedWhileWaiting(s);

        List<Long> longGoneChanges = changes(longGone);
        List<Long> recentChanges = changes(recent);
        assertThat(longGoneChanges).hasSizeGreaterThanOrEqualTo(3);
        // Make every change of the first agent, and all but the latest of the second, a month old.
        backdate("update agent_change set changed_at = now() - make_interval(days => $2) where seq = any($1)",
                longGoneChanges.toArray(Long[]::new));
        backdate("update agent_change set changed_at = now() - make_interval(days => $2) where seq = any($1)",
                recentChanges.subList(0, recentChanges.size() - 1).toArray(Long[]::new));
        backdate("update closed_while_waiting set closed_at = now() - make_interval(days => $2) where ticket_id = any($1)",
                new UUID[] { closedLongAgo });

        long purged = await(retention.purge(Instant.now().minus(Duration.ofDays(7)), 2));

        // Batches of two had to run more than once for the first agent's changes alone.
        assertThat(purged).isGreaterThanOrEqualTo(longGoneChanges.size() - 1 + recentChanges.size() - 1 + 1);
        assertThat(changes(longGone)).containsExactly(longGoneChanges.get(longGoneChanges.size() - 1));
        assertThat(changes(recent)).containsExactly(recentChanges.get(recentChanges.size() - 1));
        assertThat(closedWhileWaitingRows(closedLongAgo)).isZero();
        assertThat(closedWhileWaitingRows(closedToday)).isOne();

        // Nothing more to purge: a second run changes nothing of this scenario's log.
        await(retention.purge(Instant.now().minus(Duration.ofDays(7)), 2));
        assertThat(changes(longGone)).hasSize(1);
        assertThat(changes(recent)).hasSize(1);
        assertThat(closedWhileWaitingRows(closedToday)).isOne();
    }

    /** A ticket opened with no agent free, closed while it waited: the log's entry for it. */
    private UUID closedWhileWaiting(Scenario s) {
        UUID ticket = s.open();
        await(s.routing.ticketRouting().statusChanged(TicketStatusChanged.of(ticket, TicketStatus.OPEN, TicketStatus.CLOSED,
                Actor.agent("someone"))));
        assertThat(closedWhileWaitingRows(ticket)).isOne();
        return ticket;
    }

    private void backdate(String sql, Object ids) {
        await(pool.preparedQuery(sql).execute(Tuple.of(ids, (int) OLD.toDays())));
    }

    private List<Long> changes(String agentId) {
        return await(pool.preparedQuery("select seq from agent_change where agent_id = $1 order by seq")
                .execute(Tuple.of(agentId))
                .map(rows -> {
                    List<Long> seqs = new java.util.ArrayList<>();
                    for (Row row : rows) {
                        seqs.add(row.getLong("seq"));
                    }
                    return seqs;
                }));
    }

    private long closedWhileWaitingRows(UUID ticket) {
        return await(pool.preparedQuery("select count(*) from closed_while_waiting where ticket_id = $1")
                .execute(Tuple.of(ticket)).map(rows -> rows.iterator().next().getLong(0)));
    }
}
