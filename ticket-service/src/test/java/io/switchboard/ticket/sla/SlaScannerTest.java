package io.switchboard.ticket.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.EventCodec;
import io.switchboard.events.ticket.SlaBreached;
import io.switchboard.events.ticket.SlaClock;
import io.switchboard.events.ticket.SlaWarning;
import io.switchboard.ticket.testing.Api;
import io.switchboard.ticket.testing.TestDb;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;

/**
 * SLA events fire exactly once per clock on the real database, with several scanners at once
 * (replicas), scans after the fact (restarts) and a scan that dies before committing.
 */
@QuarkusTest
class SlaScannerTest {

    @Inject
    SlaScanner scanner;

    @Inject
    Api api;

    @Inject
    TestDb db;

    @Inject
    Pool pool;

    @Test
    void aDueClockWarnsAndBreachesExactlyOnceWhateverTheNumberOfScanners() {
        UUID ticket = api.careTicket("Nobody answers me");
        api.as("ava").body("{\"priority\":\"HIGH\"}").put("/api/v1/tickets/{id}/priority", ticket).then().statusCode(200);
        overdue(ticket, SlaClock.FIRST_RESPONSE);

        // Five replicas' scanners (and the scheduled one) at the same moment, round after round until
        // they reach this clock: the shared database may hold other clocks that fell due before it, and
        // a scan claims at most scan-batch of them, oldest first.
        TestDb.eventually(() -> {
            Uni.join().all(List.of(scanner.scan(), scanner.scan(), scanner.scan(), scanner.scan(), scanner.scan()))
                    .andCollectFailures().await().atMost(Duration.ofSeconds(60));
            return db.count("select count(*) from sla_clock where ticket_id = $1 and warned_at is not null"
                    + " and breached_at is not null", ticket) == 1 ? true : null;
        });
        // Later scans, as after a restart, find nothing more to fire.
        scanner.scan().await().atMost(Duration.ofSeconds(30));

        List<SlaWarning> warnings = events(ticket, "switchboard.ticket.sla.warning.v1", SlaWarning.class);
        List<SlaBreached> breaches = events(ticket, "switchboard.ticket.sla.breached.v1", SlaBreached.class);
        assertThat(warnings).hasSize(1);
        assertThat(breaches).hasSize(1);
        assertThat(warnings.get(0).clock()).isEqualTo(SlaClock.FIRST_RESPONSE);
        assertThat(breaches.get(0).clock()).isEqualTo(SlaClock.FIRST_RESPONSE);
        assertThat(db.count("select count(*) from audit_entry where ticket_id = $1 and action in ('SLA_WARNING', 'SLA_BREACHED')",
                ticket)).isEqualTo(2);

        // The ticket shows it, and search finds it by its SLA state.
        api.as("ava").get("/api/v1/tickets/{id}", ticket).then().statusCode(200)
                .body("sla.find { it.clock == 'FIRST_RESPONSE' }.state", org.hamcrest.Matchers.equalTo("BREACHED"));
        String reference = (String) db.ticket(ticket).get("reference");
        assertThat(api.as("ava").queryParam("q", reference).queryParam("sla", "BREACHED").get("/api/v1/tickets").then()
                .statusCode(200).extract().jsonPath().getList("items.sla", String.class)).containsExactly("BREACHED");
    }

    @Test
    void aScanThatDiesBeforeCommittingLeavesTheClockForTheNextOne() {
        UUID ticket = api.careTicket("Still waiting");
        // A scanner claims the due clock and crashes before its commit: the claim rolls back with it.
        // The clock falls due in that same transaction: were it due before, the scheduled scanner (every
        // few seconds) could fire it first, and this would show nothing about a crash.
        Throwable crash = pool.withTransaction(connection -> connection.preparedQuery(OVERDUE)
                        .execute(io.vertx.mutiny.sqlclient.Tuple.of(ticket, SlaClock.FIRST_RESPONSE.name()))
                        .chain(() -> connection
                                .preparedQuery("update sla_clock set warned_at = now(), breached_at = now() where ticket_id = $1")
                                .execute(io.vertx.mutiny.sqlclient.Tuple.of(ticket)))
                        .chain(() -> Uni.createFrom().failure(new IllegalStateException("killed"))))
                .onItemOrFailure().transform((ok, failure) -> failure).await().atMost(Duration.ofSeconds(30));
        assertThat(crash).hasMessage("killed");
        assertThat(events(ticket, "switchboard.ticket.sla.breached.v1", SlaBreached.class)).isEmpty();
        assertThat(db.count("select count(*) from sla_clock where ticket_id = $1 and (warned_at is not null"
                + " or breached_at is not null)", ticket)).as("nothing claimed").isZero();

        overdue(ticket, SlaClock.FIRST_RESPONSE); // due, and unclaimed, as the dead scanner left it
        TestDb.eventually(() -> events(ticket, "switchboard.ticket.sla.breached.v1", SlaBreached.class).size() == 1
                ? true : null); // the scheduled scanner gets it
        scanner.scan().await().atMost(Duration.ofSeconds(30));
        assertThat(events(ticket, "switchboard.ticket.sla.breached.v1", SlaBreached.class)).hasSize(1);
        assertThat(events(ticket, "switchboard.ticket.sla.warning.v1", SlaWarning.class)).hasSize(1);
    }

    @Test
    void aPausedOrStoppedClockNeverFires() {
        UUID pending = api.careTicket("Here is my order number");
        api.as("ava").body("{\"status\":\"PENDING_CUSTOMER\"}").put("/api/v1/tickets/{id}/status", pending).then()
                .statusCode(200);
        UUID answered = api.careTicket("Hello?");
        api.as("ava").body("{\"text\":\"Hello! How can we help?\"}").post("/api/v1/tickets/{id}/replies", answered).then()
                .statusCode(200);
        // Even with due instants in the past, a paused resolution clock and a met first response stay quiet.
        db.update("update sla_clock set warn_at = now() - interval '1 hour', due_at = now() - interval '1 minute'"
                + " where ticket_id = any($1) and clock in ('RESOLUTION', 'FIRST_RESPONSE')",
                (Object) new UUID[] { pending, answered });
        db.update("update sla_clock set warn_at = null, due_at = null where ticket_id = $1 and clock = 'RESOLUTION'", answered);
        scanner.scan().await().atMost(Duration.ofSeconds(30));
        assertThat(db.count("select count(*) from outbox_event where message_key = $1 and ce_type like 'switchboard.ticket.sla.%'",
                pending.toString())).isZero();
        assertThat(db.count("select count(*) from outbox_event where message_key = $1 and ce_type like 'switchboard.ticket.sla.%'",
                answered.toString())).isZero();
    }

    /** Moves a live clock's warning and due instants into the past, as if its time had run out. */
    private static final String OVERDUE = "update sla_clock set warn_at = now() - interval '10 minutes',"
            + " due_at = now() - interval '1 minute' where ticket_id = $1 and clock = $2 and stopped_at is null";

    private void overdue(UUID ticket, SlaClock clock) {
        assertThat(db.update(OVERDUE, ticket, clock.name())).isEqualTo(1);
    }

    private <T> List<T> events(UUID ticket, String ceType, Class<T> type) {
        return db.rows("select payload from outbox_event where message_key = $1 and ce_type = $2", ticket.toString(), ceType)
                .stream().map(row -> EventCodec.decode(row.getBuffer(0).getBytes(), type)).toList();
    }
}
