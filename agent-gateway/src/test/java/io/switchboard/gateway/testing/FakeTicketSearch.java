package io.switchboard.gateway.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.switchboard.events.ticket.TicketStatus;

/**
 * ticket-service's search ({@code GET /api/v1/tickets}) as {@link FakeTicketService} answers it: the
 * filters the gateway uses (status, priority, assignee with {@code me} and {@code none}, team,
 * customer, sla), newest first, paged by ticket-service's keyset cursor, with its 400s.
 */
final class FakeTicketSearch {

    private static final List<String> SLA_STATES = List.of("ON_TRACK", "AT_RISK", "BREACHED", "NONE");
    private static final int MAX_LIMIT = 100;

    private FakeTicketSearch() {
    }

    static JsonNode search(Collection<ObjectNode> tickets, String query, FakeTicketService.Scope scope) {
        int limit = limit(FakeHttp.param(query, "limit"));
        Set<String> statuses = enums(FakeHttp.params(query, "status"), "status",
                EnumSet.allOf(TicketStatus.class).stream().map(Enum::name).toList());
        Set<String> priorities = enums(FakeHttp.params(query, "priority"), "priority", List.of("LOW", "NORMAL", "HIGH", "URGENT"));
        String assignee = FakeHttp.param(query, "assignee");
        String team = FakeHttp.param(query, "team");
        String customer = FakeHttp.param(query, "customer");
        String sla = FakeHttp.param(query, "sla");
        if (sla != null && !SLA_STATES.contains(sla.toUpperCase(Locale.ROOT))) {
            throw FakeTicketService.badRequest("'sla' must be one of ON_TRACK, AT_RISK, BREACHED, NONE.");
        }
        Cursor after = Cursor.decode(FakeHttp.param(query, "cursor"));
        List<ObjectNode> found = tickets.stream()
                .filter(scope::sees)
                .filter(t -> statuses.isEmpty() || statuses.contains(t.path("status").asText()))
                .filter(t -> priorities.isEmpty() || priorities.contains(t.path("priority").asText()))
                .filter(t -> assignee == null || switch (assignee) {
                    case "none" -> t.path("assigneeId").isNull() || t.path("assigneeId").isMissingNode();
                    case "me" -> scope.subject().equals(t.path("assigneeId").asText(null));
                    default -> assignee.equals(t.path("assigneeId").asText(null));
                })
                .filter(t -> team == null || team.equals(t.path("team").asText(null)))
                .filter(t -> customer == null || customer.equals(t.path("customer").path("id").asText(null)))
                .filter(t -> sla == null || sla.equalsIgnoreCase(slaState(t)))
                .filter(t -> after == null || Cursor.of(t).compareTo(after) < 0)
                .sorted(Comparator.comparing(Cursor::of).reversed())
                .limit(limit + 1L)
                .toList();
        ObjectNode page = FakeDownstream.json().createObjectNode();
        ArrayNode items = page.putArray("items");
        found.stream().limit(limit).forEach(t -> items.add(listEntry(t)));
        page.put("nextCursor", found.size() > limit ? Cursor.of(found.get(limit - 1)).encode() : null);
        return page;
    }

    /** A position in the newest-first order: (created, id), encoded as ticket-service encodes it. */
    private record Cursor(Instant createdAt, String id) implements Comparable<Cursor> {
        static Cursor of(JsonNode ticket) {
            return new Cursor(Instant.parse(ticket.path("createdAt").asText()), ticket.path("id").asText());
        }

        static Cursor decode(String cursor) {
            if (cursor == null) {
                return null;
            }
            try {
                String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                int tilde = plain.indexOf('~');
                return new Cursor(Instant.EPOCH.plus(Long.parseLong(plain.substring(0, tilde)), ChronoUnit.MICROS),
                        UUID.fromString(plain.substring(tilde + 1)).toString());
            } catch (RuntimeException e) {
                throw FakeTicketService.badRequest("'cursor' is not a cursor this service handed out; start again without it.");
            }
        }

        String encode() {
            long micros = ChronoUnit.MICROS.between(Instant.EPOCH, createdAt);
            return Base64.getUrlEncoder().withoutPadding().encodeToString((micros + "~" + id).getBytes(StandardCharsets.UTF_8));
        }

        /** Oldest first; ties by id (PostgreSQL orders uuids as their hex text does). */
        @Override
        public int compareTo(Cursor o) {
            int byTime = createdAt.compareTo(o.createdAt);
            return byTime != 0 ? byTime : id.compareTo(o.id);
        }
    }

    private static int limit(String value) {
        try {
            int limit = value == null ? 25 : Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // refused below, like a value out of range
        }
        throw FakeTicketService.badRequest("'limit' must be between 1 and " + MAX_LIMIT + ".");
    }

    private static Set<String> enums(List<String> values, String name, List<String> allowed) {
        Set<String> parsed = new TreeSet<>();
        for (String value : values) {
            for (String part : value.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                String upper = part.strip().toUpperCase(Locale.ROOT);
                if (!allowed.contains(upper)) {
                    throw FakeTicketService.badRequest("'" + name + "' must be one of " + allowed + ".");
                }
                parsed.add(upper);
            }
        }
        return parsed;
    }

    /** ON_TRACK, AT_RISK (a live clock warned), BREACHED (a live clock ran out) or NONE (no live clock). */
    static String slaState(JsonNode ticket) {
        List<JsonNode> live = new ArrayList<>();
        ticket.path("sla").forEach(c -> {
            if (c.path("stoppedAt").isNull() || c.path("stoppedAt").isMissingNode()) {
                live.add(c);
            }
        });
        if (live.stream().anyMatch(c -> !c.path("breachedAt").isNull() && !c.path("breachedAt").isMissingNode())) {
            return "BREACHED";
        }
        if (live.stream().anyMatch(c -> !c.path("warnedAt").isNull() && !c.path("warnedAt").isMissingNode())) {
            return "AT_RISK";
        }
        return live.isEmpty() ? "NONE" : "ON_TRACK";
    }

    /** A ticket as ticket-service's search lists it (TicketSummary): with what an inbox row shows. */
    static ObjectNode listEntry(JsonNode t) {
        ObjectNode s = customerListEntry(t);
        s.put("sla", slaState(t));
        s.set("customerName", t.path("customer").get("displayName"));
        s.set("customerHandle", t.path("customer").get("handle"));
        s.put("slaDueAt", slaDueAt(t));
        return s;
    }

    /** A ticket in a customer's list (TicketSummary): there {@code sla}, the customer's names and the due time are null. */
    static ObjectNode customerListEntry(JsonNode t) {
        ObjectNode s = FakeDownstream.json().createObjectNode();
        for (String field : List.of("id", "reference", "channel", "status", "priority", "team", "assigneeId")) {
            s.set(field, t.path(field).isMissingNode() ? null : t.get(field));
        }
        s.put("customerId", t.path("customer").path("id").asText());
        s.set("summary", t.get("summary"));
        s.set("tags", t.get("tags"));
        s.putNull("sla");
        s.set("createdAt", t.get("createdAt"));
        s.set("updatedAt", t.get("updatedAt"));
        s.set("version", t.get("version"));
        for (String field : List.of("language", "intent", "sentiment", "visibility")) {
            s.set(field, t.path(field).isMissingNode() ? null : t.get(field));
        }
        s.putNull("customerName");
        s.putNull("customerHandle");
        s.putNull("slaDueAt");
        return s;
    }

    /** The earliest due time of the clocks not stopped (a paused clock has none), as ticket-service computes it. */
    private static String slaDueAt(JsonNode ticket) {
        List<Instant> due = new ArrayList<>();
        ticket.path("sla").forEach(c -> {
            boolean live = c.path("stoppedAt").isNull() || c.path("stoppedAt").isMissingNode();
            if (live && c.hasNonNull("dueAt")) {
                due.add(Instant.parse(c.get("dueAt").asText()));
            }
        });
        return due.stream().min(Comparator.naturalOrder()).map(Instant::toString).orElse(null);
    }
}
