package io.switchboard.ticket.search;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.Channel;
import io.switchboard.events.Visibility;
import io.switchboard.events.mention.Intent;
import io.switchboard.events.ticket.Priority;
import io.switchboard.events.ticket.TicketStatus;
import io.switchboard.ticket.infra.security.Scope;
import io.switchboard.ticket.ticket.api.Page;
import io.switchboard.ticket.ticket.api.TicketSummary;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Ticket search: the caller's scope and the criteria become one SQL statement with bound
 * parameters only (the statement's text is fixed clauses, never input), newest first, paged by
 * keyset so a page is stable while tickets keep arriving.
 */
@ApplicationScoped
public class TicketSearch {

    private static final String LIVE = "select 1 from sla_clock c where c.ticket_id = t.id and c.stopped_at is null";
    private static final String BREACHED = "exists (" + LIVE + " and c.breached_at is not null)";
    private static final String WARNED = "exists (" + LIVE + " and c.warned_at is not null)";
    private static final String ANY_LIVE = "exists (" + LIVE + ")";

    private static final String SELECT = "select t.id, t.reference, t.channel, t.status, t.priority, t.team,"
            + " t.assignee_id, t.customer_id, t.summary, t.tags, t.created_at, t.updated_at, t.version,"
            + " case when " + BREACHED + " then 'BREACHED' when " + WARNED + " then 'AT_RISK'"
            + " when " + ANY_LIVE + " then 'ON_TRACK' else 'NONE' end as sla,"
            // What an inbox row shows beside the ticket, so a list needs no call per ticket: index
            // lookups per returned row only (customer by key, identity by customer, clocks by ticket).
            + " t.language, t.intent, t.sentiment, t.visibility, cu.display_name as customer_name,"
            + " (select i.handle from customer_identity i where i.customer_id = t.customer_id"
            + " and i.channel = t.channel order by i.created_at limit 1) as customer_handle,"
            + " (select min(c.due_at) from sla_clock c where c.ticket_id = t.id and c.stopped_at is null"
            + " and c.running_since is not null) as sla_due_at"
            + " from ticket t join customer cu on cu.id = t.customer_id";

    @Inject
    Pool pool;

    /** The SQL a search runs: fixed clauses joined, and the bound values of its placeholders. */
    record Statement(String sql, List<Object> params) {
    }

    public Uni<Page<TicketSummary>> search(SearchCriteria criteria, Scope scope) {
        Statement statement = statement(criteria, scope);
        return pool.preparedQuery(statement.sql()).execute(Tuple.from(statement.params())).map(rows -> {
            List<TicketSummary> items = new ArrayList<>();
            for (Row row : rows) {
                items.add(summary(row));
            }
            String next = null;
            if (items.size() > criteria.limit()) {
                items = items.subList(0, criteria.limit());
                TicketSummary last = items.get(items.size() - 1);
                next = new Cursor(last.createdAt(), last.id()).encode();
            }
            return new Page<>(List.copyOf(items), next);
        });
    }

    Statement statement(SearchCriteria criteria, Scope scope) {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (!scope.everything()) {
            where.add("t.team = any(" + bind(params, scope.teams().toArray(String[]::new)) + ")");
        }
        if (!criteria.statuses().isEmpty()) {
            where.add("t.status = any(" + bind(params, criteria.statuses().stream().map(TicketStatus::name)
                    .toArray(String[]::new)) + ")");
        }
        if (!criteria.priorities().isEmpty()) {
            where.add("t.priority = any(" + bind(params, criteria.priorities().stream().map(Priority::name)
                    .toArray(String[]::new)) + ")");
        }
        if (criteria.assignee() != null) {
            if (criteria.assignee().equals("none")) {
                where.add("t.assignee_id is null");
            } else {
                where.add("t.assignee_id = " + bind(params, criteria.assignee().equals("me") ? scope.subject()
                        : criteria.assignee()));
            }
        }
        if (criteria.team() != null) {
            where.add("t.team = " + bind(params, criteria.team()));
        }
        if (criteria.channel() != null) {
            where.add("t.channel = " + bind(params, criteria.channel().name()));
        }
        if (criteria.tag() != null) {
            where.add(bind(params, criteria.tag().toLowerCase(Locale.ROOT)) + " = any(t.tags)");
        }
        if (criteria.customerId() != null) {
            where.add("t.customer_id = " + bind(params, criteria.customerId()));
        }
        if (criteria.sla() != null) {
            where.add(switch (criteria.sla()) {
                case "BREACHED" -> BREACHED;
                case "AT_RISK" -> WARNED + " and not " + BREACHED;
                case "ON_TRACK" -> ANY_LIVE + " and not " + WARNED + " and not " + BREACHED;
                default -> "not " + ANY_LIVE;
            });
        }
        if (criteria.text() != null) {
            // Each column is matched on its own so that each one's trigram index (V4) can serve it;
            // an OR across the ticket and its messages could use none of them.
            String pattern = bind(params, "%" + likeEscaped(criteria.text()) + "%");
            where.add("t.id in (select s.id from ticket s where s.reference ilike " + pattern + " or s.summary ilike "
                    + pattern + " union all select m.ticket_id from message m where m.text ilike " + pattern + ")");
        }
        if (criteria.after() != null) {
            where.add("(t.created_at, t.id) < (" + bind(params, criteria.after().createdAt().atOffset(ZoneOffset.UTC))
                    + ", " + bind(params, criteria.after().id()) + ")");
        }
        String sql = SELECT + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by t.created_at desc, t.id desc limit " + bind(params, criteria.limit() + 1);
        return new Statement(sql, params);
    }

    /** Adds a parameter and returns its placeholder. */
    private static String bind(List<Object> params, Object value) {
        params.add(value);
        return "$" + params.size();
    }

    /** The text as a literal LIKE pattern: its own %, _ and \ match themselves. */
    static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static TicketSummary summary(Row row) {
        String[] tags = row.getArrayOfStrings("tags");
        return new TicketSummary(row.getUUID("id"), row.getString("reference"), Channel.valueOf(row.getString("channel")),
                TicketStatus.valueOf(row.getString("status")), Priority.valueOf(row.getString("priority")),
                row.getString("team"), row.getString("assignee_id"), row.getUUID("customer_id"), row.getString("summary"),
                tags == null ? List.of() : List.of(tags), row.getString("sla"),
                row.getOffsetDateTime("created_at").toInstant(), row.getOffsetDateTime("updated_at").toInstant(),
                row.getLong("version"), row.getString("language"), Intent.valueOf(row.getString("intent")),
                row.getString("sentiment"), Visibility.valueOf(row.getString("visibility")),
                row.getString("customer_name"), row.getString("customer_handle"), instant(row, "sla_due_at"));
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
