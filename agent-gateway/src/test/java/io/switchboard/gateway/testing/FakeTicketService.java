package io.switchboard.gateway.testing;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.switchboard.events.ticket.TicketStatus;

/**
 * ticket-service's REST API as {@link FakeDownstream} answers it: search ({@link FakeTicketSearch}),
 * the ticket with its conversation, the customer, replies (with the channel's rules and the 422
 * refusals), notes and status changes (with the state machine and the version check). Tickets are kept
 * as ticket-service's TicketDetail JSON; {@link FakeChannelRules} holds the reply rules.
 */
final class FakeTicketService {

    private static final Pattern TICKET = Pattern.compile("/api/v1/tickets/([^/]+)(/[a-z]+)?");
    private static final Pattern CUSTOMER = Pattern.compile("/api/v1/customers/([^/]+)");
    private static final int MAX_TEXT = 20_000;

    /** The caller as ticket-service scopes them: admins see everything, others their teams' tickets. */
    record Scope(String subject, String username, Set<String> teams, boolean admin) {
        boolean sees(JsonNode ticket) {
            return admin || teams.contains(ticket.path("team").asText());
        }
    }

    private final FakeDownstream fake;
    private final Map<UUID, ObjectNode> tickets = new HashMap<>();
    private final Map<UUID, ObjectNode> customers = new HashMap<>();

    FakeTicketService(FakeDownstream fake) {
        this.fake = fake;
    }

    synchronized void put(ObjectNode ticket, ObjectNode customer) {
        tickets.put(UUID.fromString(ticket.get("id").asText()), ticket);
        UUID customerId = UUID.fromString(customer.get("id").asText());
        ObjectNode known = customers.get(customerId);
        if (known == null) {
            customers.put(customerId, customer);
        } else {
            customer.withArray("identities").forEach(identity -> {
                boolean present = false;
                for (JsonNode i : known.withArray("identities")) {
                    present |= i.path("channel").equals(identity.path("channel"));
                }
                if (!present) {
                    known.withArray("identities").add(identity);
                }
            });
        }
    }

    synchronized void clear() {
        tickets.clear();
        customers.clear();
    }

    synchronized ObjectNode detail(UUID id) {
        ObjectNode ticket = tickets.get(id);
        return ticket == null ? null : detail(ticket);
    }

    /** Routing moved a ticket (a transfer): ticket-service learns it from routing's decisions. */
    synchronized void routed(UUID id, String agentId, String queueId, String team) {
        ObjectNode ticket = tickets.get(id);
        if (ticket != null) {
            ticket.put("assigneeId", agentId);
            ticket.put("queueId", queueId);
            ticket.put("team", team);
        }
    }

    synchronized JsonNode answer(FakeDownstream.Call call, String path, Map<String, Object> claims) {
        FakeHttp.requireAnyRole(claims, "agent", "supervisor", "admin");
        Scope scope = new Scope(String.valueOf(claims.get("sub")), String.valueOf(claims.get("preferred_username")),
                FakeHttp.teams(claims), FakeHttp.roles(claims).contains("admin"));
        if (path.equals("/api/v1/tickets")) {
            method(call, "GET");
            return FakeTicketSearch.search(tickets.values(), call.query(), scope);
        }
        Matcher ticket = TICKET.matcher(path);
        if (ticket.matches()) {
            UUID id = uuid(ticket.group(1));
            String action = ticket.group(2) == null ? "" : ticket.group(2);
            switch (action) {
                case "" -> method(call, "GET");
                case "/replies", "/notes" -> method(call, "POST");
                case "/status" -> method(call, "PUT");
                default -> throw FakeHttp.problem(404, "Not Found", "about:blank", "HTTP 404 Not Found");
            }
            ObjectNode found = visible(id, scope);
            return switch (action) {
                case "/replies" -> reply(found, FakeHttp.body(call.body()), scope);
                case "/notes" -> note(found, FakeHttp.body(call.body()), scope);
                case "/status" -> status(found, FakeHttp.body(call.body()));
                default -> detail(found);
            };
        }
        Matcher customer = CUSTOMER.matcher(path);
        if (customer.matches()) {
            method(call, "GET");
            return customer(uuid(customer.group(1)), scope);
        }
        throw FakeHttp.problem(404, "Not Found", "about:blank", "HTTP 404 Not Found");
    }

    // ---- GET /api/v1/tickets/{id}, GET /api/v1/customers/{id} ----

    private ObjectNode visible(UUID id, Scope scope) {
        ObjectNode ticket = tickets.get(id);
        if (ticket == null || !scope.sees(ticket)) {
            throw FakeHttp.problem(404, "Not Found", FakeHttp.PROBLEM_TYPE + "ticket-not-found", "There is no ticket " + id + ".");
        }
        return ticket;
    }

    private static ObjectNode detail(ObjectNode ticket) {
        ObjectNode detail = ticket.deepCopy();
        ArrayNode next = detail.putArray("nextStatuses");
        FakeTicketLifecycle.next(TicketStatus.valueOf(ticket.get("status").asText())).forEach(s -> next.add(s.name()));
        return detail;
    }

    private JsonNode customer(UUID id, Scope scope) {
        ObjectNode customer = customers.get(id);
        List<ObjectNode> theirs = tickets.values().stream()
                .filter(t -> id.toString().equals(t.path("customer").path("id").asText()))
                .filter(scope::sees)
                .toList();
        if (customer == null || (!scope.admin() && theirs.isEmpty())) {
            throw FakeHttp.problem(404, "Not Found", FakeHttp.PROBLEM_TYPE + "customer-not-found",
                    "There is no customer " + id + ".");
        }
        ObjectNode view = customer.deepCopy();
        ArrayNode list = view.putArray("tickets");
        theirs.forEach(t -> list.add(FakeTicketSearch.customerListEntry(t)));
        return view;
    }

    // ---- POST .../replies, POST .../notes, PUT .../status ----

    private JsonNode reply(ObjectNode ticket, JsonNode body, Scope scope) {
        String text = requiredText(body, "text");
        String visibility = body.hasNonNull("visibility") ? enumValue(body, "visibility", List.of("PUBLIC", "PRIVATE"))
                : ticket.path("visibility").asText();
        String requested = body.hasNonNull("status") ? enumValue(body, "status",
                EnumSet.allOf(TicketStatus.class).stream().map(Enum::name).toList()) : null;
        expectVersion(ticket, body);
        if (!ticket.path("mergedIntoId").isNull() && !ticket.path("mergedIntoId").isMissingNode()) {
            throw conflict("Ticket " + ticket.path("reference").asText() + " was merged into another ticket; reply on that one.");
        }
        TicketStatus status = TicketStatus.valueOf(ticket.path("status").asText());
        if (status == TicketStatus.CLOSED) {
            throw conflict("Ticket " + ticket.path("reference").asText() + " is closed and takes no replies.");
        }
        FakeChannelRules.check(ticket.path("channel").asText(), visibility, text);
        if (requested != null) {
            FakeTicketLifecycle.require(status, TicketStatus.valueOf(requested));
        }
        boolean customerPost = false;
        for (JsonNode m : ticket.withArray("messages")) {
            customerPost |= m.path("kind").asText().equals("CUSTOMER") && m.hasNonNull("externalId");
        }
        if (visibility.equals("PUBLIC") && !customerPost) {
            throw conflict("There is no customer post on " + ticket.path("channel").asText()
                    + " to answer publicly; answer privately.");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ObjectNode reply = message(ticket, "AGENT_REPLY", scope.subject(), scope.username(), text, visibility, now);
        reply.put("replyId", UUID.randomUUID().toString());
        reply.putObject("delivery").put("state", "PENDING").putNull("externalPostId").putNull("detail").putNull("changedAt");
        ticket.put("lastAgentReplyAt", now.toString());
        TicketStatus to = requested != null ? TicketStatus.valueOf(requested) : FakeTicketLifecycle.onAgentReply(status);
        if (to != null && to != status) {
            move(ticket, status, to, now);
        }
        changed(ticket, now);
        fake.replied(UUID.fromString(ticket.get("id").asText()), reply.deepCopy());
        return detail(ticket);
    }

    private JsonNode note(ObjectNode ticket, JsonNode body, Scope scope) {
        String text = requiredText(body, "text");
        expectVersion(ticket, body);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        message(ticket, "INTERNAL_NOTE", scope.subject(), scope.username(), text, null, now);
        changed(ticket, now);
        return detail(ticket);
    }

    private JsonNode status(ObjectNode ticket, JsonNode body) {
        if (!body.hasNonNull("status")) {
            throw badRequest("'status' is required.");
        }
        TicketStatus to = TicketStatus.valueOf(enumValue(body, "status",
                EnumSet.allOf(TicketStatus.class).stream().map(Enum::name).toList()));
        expectVersion(ticket, body);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        move(ticket, TicketStatus.valueOf(ticket.path("status").asText()), to, now);
        changed(ticket, now);
        return detail(ticket);
    }

    /** A message appended to the ticket's conversation, in ticket-service's MessageView shape (no delivery yet). */
    static ObjectNode message(ObjectNode ticket, String kind, String authorId, String authorName, String text,
            String visibility, Instant createdAt) {
        ObjectNode m = ticket.withArray("messages").addObject();
        m.put("id", UUID.randomUUID().toString());
        m.put("kind", kind);
        m.put("authorId", authorId);
        m.put("authorName", authorName);
        m.put("text", text);
        m.put("visibility", visibility);
        m.putNull("externalId");
        m.putNull("replyId");
        m.putNull("delivery");
        m.putNull("mergedFromTicketId");
        m.putNull("postedAt");
        m.put("createdAt", createdAt.toString());
        return m;
    }

    /** The state machine, the lifecycle timestamps and the SLA clocks (pending pauses them, resolving stops them). */
    private static void move(ObjectNode ticket, TicketStatus from, TicketStatus to, Instant now) {
        FakeTicketLifecycle.require(from, to);
        ticket.put("status", to.name());
        switch (to) {
            case RESOLVED -> ticket.put("resolvedAt", now.toString());
            case CLOSED -> ticket.put("closedAt", now.toString());
            case REOPENED -> ticket.putNull("resolvedAt");
            default -> {
            }
        }
        for (JsonNode clock : ticket.withArray("sla")) {
            ObjectNode c = (ObjectNode) clock;
            if (to == TicketStatus.RESOLVED || to == TicketStatus.CLOSED) {
                if (c.path("stoppedAt").isNull()) {
                    c.put("stoppedAt", now.toString());
                    c.put("state", c.path("breachedAt").isNull() ? "MET" : "BREACHED");
                }
            } else if (to == TicketStatus.PENDING_CUSTOMER && c.path("state").asText().equals("RUNNING")) {
                c.put("state", "PAUSED");
                c.putNull("dueAt");
            }
        }
    }

    private static void changed(ObjectNode ticket, Instant now) {
        ticket.put("updatedAt", now.toString());
        ticket.put("version", ticket.path("version").asLong() + 1);
    }

    private static void expectVersion(JsonNode ticket, JsonNode body) {
        if (body.hasNonNull("version") && body.get("version").asLong() != ticket.path("version").asLong()) {
            throw FakeHttp.problem(409, "Conflict", FakeHttp.PROBLEM_TYPE + "stale-version", "The ticket "
                    + ticket.path("reference").asText() + " changed since you loaded it (you had version "
                    + body.get("version").asLong() + ", it is now at version " + ticket.path("version").asLong()
                    + "); reload it and try again.");
        }
    }

    private static String requiredText(JsonNode body, String field) {
        String text = body.path(field).isTextual() ? body.get(field).asText() : null;
        if (text == null || text.isBlank()) {
            throw badRequest("'" + field + "' is required and must not be blank.");
        }
        if (text.codePointCount(0, text.length()) > MAX_TEXT) {
            throw badRequest("'" + field + "' is longer than " + MAX_TEXT + " characters.");
        }
        return text;
    }

    private static String enumValue(JsonNode body, String field, List<String> allowed) {
        String value = body.path(field).asText();
        if (!allowed.contains(value)) {
            throw FakeHttp.problem(400, "Bad Request", "about:blank",
                    "The request body's '" + field + "' has a value of the wrong type or an unknown value.");
        }
        return value;
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw FakeHttp.problem(404, "Not Found", "about:blank", "HTTP 404 Not Found");
        }
    }

    private static void method(FakeDownstream.Call call, String allowed) {
        if (!call.method().equals(allowed)) {
            throw FakeHttp.problem(405, "Method Not Allowed", "about:blank", "HTTP 405 Method Not Allowed");
        }
    }

    static FakeHttp.Refusal badRequest(String detail) {
        return FakeHttp.problem(400, "Bad Request", "about:blank", detail);
    }

    static FakeHttp.Refusal conflict(String detail) {
        return FakeHttp.problem(409, "Conflict", FakeHttp.PROBLEM_TYPE + "conflict", detail);
    }
}
