package io.switchboard.routing.assignment;

import static io.switchboard.routing.testing.Scenario.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.events.ticket.Priority;
import io.switchboard.events.ticket.TicketOpened;
import io.switchboard.routing.infra.db.Sql;
import io.switchboard.routing.infra.db.TeamLocks;
import io.switchboard.routing.testing.Scenario;
import io.switchboard.routing.testing.ScenarioTest;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The decision log's times are the order its locks gave it. An auditor (and the system tests' fault
 * suite) reads "how many tickets did this agent hold at that moment" from assigned_at/released_at;
 * if a transaction that waited for a team's lock dated its assignment by its own start, the
 * assignment would appear before the release that made room for it, and an agent of two teams
 * would appear over capacity.
 */
@QuarkusTest
class DecisionTimesTest extends ScenarioTest {

    Scenario s;

    @BeforeEach
    void newScenario() {
        s = scenario();
    }

    @Test
    void anAssignmentMadeAfterWaitingForATeamIsDatedWhenItIsMadeNotWhenItsTransactionBegan() throws Exception {
        String ava = s.agent("ava", "care", 2);
        s.online(ava);
        TicketOpened opened = s.opened("care", Priority.NORMAL, "en");

        // Another transaction (another replica, say) holds the team's lock for a while.
        SqlConnection other = await(pool.getConnection());
        Instant otherCommittedAfter;
        CompletableFuture<Void> opening;
        try {
            await(other.query("begin").execute());
            await(other.preparedQuery("select pg_advisory_xact_lock($1)").execute(Tuple.of(TeamLocks.key(s.id("care")))));
            opening = s.routing.ticketRouting().open(opened).subscribeAsCompletionStage();
            Thread.sleep(400);
            assertThat(opening).as("the opening waits for the team").isNotDone();
            otherCommittedAfter = Sql.instant(await(other.query("select clock_timestamp() as t").execute()).iterator().next(), "t");
            await(other.query("commit").execute());
        } finally {
            other.closeAndAwait();
        }
        opening.get(30, TimeUnit.SECONDS);

        Assignment assignment = s.assignment(opened.ticketId()).orElseThrow();
        assertThat(assignment.agentId()).isEqualTo(ava);
        assertThat(assignment.assignedAt()).as("dated once the lock it waited for was free")
                .isAfterOrEqualTo(otherCommittedAfter);
        UUID ticketId = opened.ticketId();
        assertThat(s.ticket(ticketId).firstAssignedAt()).isEqualTo(assignment.assignedAt());
    }
}
