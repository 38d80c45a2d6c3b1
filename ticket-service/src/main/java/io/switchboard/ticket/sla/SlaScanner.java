package io.switchboard.ticket.sla;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.SwitchboardEvent;
import io.switchboard.events.ticket.SlaBreached;
import io.switchboard.events.ticket.SlaClock;
import io.switchboard.events.ticket.SlaWarning;
import io.switchboard.ticket.infra.ClockProducer;
import io.switchboard.ticket.outbox.OutboxRelay;
import io.switchboard.ticket.outbox.OutboxStatements;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Fires SlaWarning and SlaBreached exactly once per clock, whatever the number of replicas and
 * restarts: in one transaction it claims the due clocks ({@code update ... set warned_at = now
 * where warned_at is null}, on rows locked with {@code for update skip locked} so two scanners
 * never claim the same clock), writes the events to the outbox and the audit trail, and commits.
 * A crash before the commit leaves the clocks unclaimed and nothing written; after it, the claim
 * and the events exist together and the relay publishes them.
 */
@ApplicationScoped
public class SlaScanner {

    private static final Logger LOG = Logger.getLogger(SlaScanner.class);
    static final String SCANNER = "sla-scanner";

    private static final String CLAIM_WARNINGS = """
            update sla_clock c set warned_at = $1
              from ticket t
             where c.id in (select id from sla_clock
                             where warned_at is null and stopped_at is null and running_since is not null
                               and warn_at <= $1
                             order by warn_at limit $2 for update skip locked)
               and t.id = c.ticket_id
            returning c.id, c.ticket_id, c.clock, c.due_at, t.assignee_id, t.customer_id""";

    private static final String CLAIM_BREACHES = """
            update sla_clock c set breached_at = $1
              from ticket t
             where c.id in (select id from sla_clock
                             where breached_at is null and stopped_at is null and running_since is not null
                               and due_at <= $1
                             order by due_at limit $2 for update skip locked)
               and t.id = c.ticket_id
            returning c.id, c.ticket_id, c.clock, c.due_at, t.assignee_id, t.customer_id""";

    private static final String AUDIT = "insert into audit_entry (id, ticket_id, customer_id, actor_kind, actor_id, action,"
            + " detail, occurred_at) values ($1, $2, $3, 'SYSTEM', '" + SCANNER + "', $4, $5, $6)";

    @Inject
    Pool pool;

    @Inject
    SlaConfig config;

    @Inject
    OutboxRelay relay;

    @Inject
    MeterRegistry metrics;

    @Inject
    Clock clock;

    /** One scan: warnings, then breaches. Returns how many events it wrote. */
    public Uni<Integer> scan() {
        Instant now = ClockProducer.now(clock);
        return pool.withTransaction(connection -> claim(connection, CLAIM_WARNINGS, now, true)
                .chain(warnings -> claim(connection, CLAIM_BREACHES, now, false).map(breaches -> warnings + breaches)))
                .invoke(fired -> {
                    if (fired > 0) {
                        LOG.debugf("SLA scan fired %d events", fired);
                        relay.nudge();
                    }
                });
    }

    private Uni<Integer> claim(SqlConnection connection, String sql, Instant now, boolean warning) {
        return connection.preparedQuery(sql).execute(Tuple.of(now.atOffset(ZoneOffset.UTC), config.scanBatch()))
                .chain(rows -> {
                    List<SwitchboardEvent> events = new ArrayList<>();
                    List<Tuple> audit = new ArrayList<>();
                    for (Row row : rows) {
                        UUID ticketId = row.getUUID("ticket_id");
                        SlaClock kind = SlaClock.valueOf(row.getString("clock"));
                        Instant dueAt = row.getOffsetDateTime("due_at").toInstant();
                        String agent = row.getString("assignee_id");
                        SwitchboardEvent event = warning
                                ? new SlaWarning(SwitchboardEvent.newEventId(), now, ticketId, kind, dueAt, agent)
                                : new SlaBreached(SwitchboardEvent.newEventId(), now, ticketId, kind, dueAt, agent);
                        events.add(event);
                        audit.add(Tuple.from(List.of(UUID.randomUUID(), ticketId, row.getUUID("customer_id"),
                                warning ? "SLA_WARNING" : "SLA_BREACHED", kind + " due " + dueAt,
                                now.atOffset(ZoneOffset.UTC))));
                    }
                    if (events.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    metrics.counter(warning ? "switchboard.sla.warnings" : "switchboard.sla.breaches").increment(events.size());
                    return OutboxStatements.insert(connection, events, now)
                            .chain(() -> connection.preparedQuery(AUDIT).executeBatch(audit))
                            .replaceWith(events.size());
                });
    }
}
