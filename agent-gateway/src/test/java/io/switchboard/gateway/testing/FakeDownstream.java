package io.switchboard.gateway.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for ticket-service and routing-service while their REST APIs are being built: a tiny
 * HTTP server on a random port, answering the calls the gateway makes in the shapes the gateway's
 * clients read (see the README's "Downstream contract"). Like the real services it refuses calls
 * without a bearer token and scopes tickets to the caller's teams (another team's ticket is 404), so
 * the gateway's token propagation and error mapping are tested for real.
 */
public final class FakeDownstream {

    public static final String TICKET_PREFIX = "/ticket-service";
    public static final String ROUTING_PREFIX = "/routing-service";

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final Pattern TICKET = Pattern.compile("/api/v1/tickets/([0-9a-f-]{36})(/[a-z]+)?");
    private static final Pattern CUSTOMER = Pattern.compile("/api/v1/customers/([0-9a-f-]{36})");

    /** A call the gateway made: which user (token subject) and username asked for what. */
    public record Call(String method, String path, String query, String username, String body) {
    }

    private final HttpServer server;
    private final Map<UUID, ObjectNode> tickets = new ConcurrentHashMap<>();
    private final Map<UUID, ArrayNode> messages = new ConcurrentHashMap<>();
    private final Map<UUID, ArrayNode> identities = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile ArrayNode queues = JSON.createArrayNode();
    private volatile ArrayNode agents = JSON.createArrayNode();
    private volatile Consumer<Call> onTransfer = call -> { };
    private volatile BiConsumer<UUID, JsonNode> onReply = (ticket, message) -> { };
    private final List<String> beaconHits = new CopyOnWriteArrayList<>();
    private volatile boolean routingDown;

    public FakeDownstream() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    public String ticketServiceUrl() {
        return "http://localhost:" + server.getAddress().getPort() + TICKET_PREFIX;
    }

    public String routingServiceUrl() {
        return "http://localhost:" + server.getAddress().getPort() + ROUTING_PREFIX;
    }

    public void stop() {
        server.stop(0);
    }

    // ---- state the tests set up ----

    public FakeTicket ticket() {
        return new FakeTicket(this);
    }

    void put(ObjectNode ticket, ArrayNode thread, UUID customerId, ArrayNode customerIdentities) {
        UUID id = UUID.fromString(ticket.get("id").asText());
        tickets.put(id, ticket);
        messages.put(id, thread);
        if (customerId != null && customerIdentities != null) {
            identities.put(customerId, customerIdentities);
        }
    }

    /** Forgets every ticket (the browser tests start from an empty inbox). */
    public void clearTickets() {
        tickets.clear();
        messages.clear();
        identities.clear();
    }

    public void setQueues(ArrayNode queues) {
        this.queues = queues;
    }

    public void setAgents(ArrayNode agents) {
        this.agents = agents;
    }

    public void onTransfer(Consumer<Call> hook) {
        this.onTransfer = hook;
    }

    /** Called after a reply was recorded, with the ticket and the message as answered to the gateway. */
    public void onReply(BiConsumer<UUID, JsonNode> hook) {
        this.onReply = hook;
    }

    /** Requests to /beacon/...: what a hostile mention would fetch if the app ever ran it. */
    public List<String> beaconHits() {
        return List.copyOf(beaconHits);
    }

    public String beaconUrl(String name) {
        return "http://localhost:" + server.getAddress().getPort() + "/beacon/" + name;
    }

    /** Gives a ticket to another agent, as routing-service would after a transfer. */
    public void reassign(UUID ticketId, String agentId) {
        ObjectNode ticket = tickets.get(ticketId);
        if (ticket != null) {
            ticket.put("assigneeId", agentId);
        }
    }

    public void routingDown(boolean down) {
        this.routingDown = down;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> callsTo(String pathPart) {
        return calls.stream().filter(c -> c.path().contains(pathPart)).toList();
    }

    public static ObjectMapper json() {
        return JSON;
    }

    // ---- the two services ----

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getRawQuery();
            String body = FakeHttp.read(exchange.getRequestBody());
            if (path.startsWith("/beacon/")) {
                beaconHits.add(path);
                exchange.sendResponseHeaders(204, -1);
                return;
            }
            Map<String, Object> claims = FakeHttp.claims(exchange.getRequestHeaders().getFirst("Authorization"));
            if (claims == null) {
                FakeHttp.problem(exchange, 401, "bearer token required");
                return;
            }
            Call call = new Call(exchange.getRequestMethod(), path, query, String.valueOf(claims.get("preferred_username")), body);
            calls.add(call);
            if (path.startsWith(TICKET_PREFIX)) {
                ticketService(exchange, call, path.substring(TICKET_PREFIX.length()), claims);
            } else if (path.startsWith(ROUTING_PREFIX)) {
                routingService(exchange, call, path.substring(ROUTING_PREFIX.length()), claims);
            } else {
                FakeHttp.problem(exchange, 404, "no such service");
            }
        } catch (RuntimeException e) {
            FakeHttp.problem(exchange, 500, "fake failed: " + e);
        }
    }

    private void ticketService(HttpExchange exchange, Call call, String path, Map<String, Object> claims) throws IOException {
        Set<String> teams = FakeHttp.teams(claims);
        boolean admin = FakeHttp.roles(claims).contains("admin");
        if (path.equals("/api/v1/tickets") && call.method().equals("GET")) {
            String assignee = FakeHttp.param(call.query(), "assignee");
            ArrayNode items = JSON.createArrayNode();
            tickets.values().stream()
                    .filter(t -> admin || teams.contains(t.path("team").asText()))
                    .filter(t -> assignee == null || assignee.equals(t.path("assigneeId").asText(null)))
                    .forEach(items::add);
            ObjectNode page = JSON.createObjectNode();
            page.set("items", items);
            page.putNull("nextCursor");
            FakeHttp.send(exchange, 200, page);
            return;
        }
        Matcher ticket = TICKET.matcher(path);
        if (ticket.matches()) {
            UUID id = UUID.fromString(ticket.group(1));
            ObjectNode found = tickets.get(id);
            if (found == null || !(admin || teams.contains(found.path("team").asText()))) {
                FakeHttp.problem(exchange, 404, "No ticket " + id);
                return;
            }
            String action = ticket.group(2);
            if (action == null && call.method().equals("GET")) {
                ObjectNode detail = JSON.createObjectNode();
                detail.set("ticket", found);
                detail.set("messages", messages.get(id));
                FakeHttp.send(exchange, 200, detail);
            } else if ("/replies".equals(action) || "/notes".equals(action)) {
                JsonNode input = JSON.readTree(call.body());
                boolean reply = "/replies".equals(action);
                if (reply && "PUBLIC".equals(input.path("visibility").asText()) && input.path("text").asText().contains("@")) {
                    FakeHttp.problem(exchange, 422, "The public reply contains personal data (an e-mail address); answer privately.");
                    return;
                }
                ObjectNode message = JSON.createObjectNode();
                message.put("messageId", UUID.randomUUID().toString());
                message.put("kind", reply ? "AGENT_REPLY" : "INTERNAL_NOTE");
                message.putObject("author").put("id", String.valueOf(claims.get("sub")))
                        .put("displayName", String.valueOf(claims.get("name")));
                message.put("text", input.path("text").asText());
                if (reply) {
                    message.put("visibility", input.path("visibility").asText());
                    message.put("delivery", "PENDING");
                }
                message.put("createdAt", Instant.now().toString());
                messages.get(id).add(message);
                FakeHttp.send(exchange, 201, message);
                if (reply) {
                    onReply.accept(id, message);
                }
            } else if ("/status".equals(action)) {
                JsonNode input = JSON.readTree(call.body());
                found.put("status", input.path("status").asText());
                FakeHttp.send(exchange, 200, found);
            } else {
                FakeHttp.problem(exchange, 405, "not here");
            }
            return;
        }
        Matcher customer = CUSTOMER.matcher(path);
        if (customer.matches()) {
            UUID customerId = UUID.fromString(customer.group(1));
            ObjectNode profile = JSON.createObjectNode();
            profile.put("customerId", customerId.toString());
            profile.set("identities", identities.getOrDefault(customerId, JSON.createArrayNode()));
            ArrayNode theirs = profile.putArray("tickets");
            tickets.values().stream()
                    .filter(t -> customerId.toString().equals(t.path("customer").path("customerId").asText()))
                    .filter(t -> admin || teams.contains(t.path("team").asText()))
                    .forEach(theirs::add);
            FakeHttp.send(exchange, 200, profile);
            return;
        }
        FakeHttp.problem(exchange, 404, "no route " + path);
    }

    private void routingService(HttpExchange exchange, Call call, String path, Map<String, Object> claims) throws IOException {
        if (routingDown) {
            FakeHttp.problem(exchange, 503, "routing is down");
            return;
        }
        switch (path) {
            case "/api/v1/queues" -> FakeHttp.send(exchange, 200, queues);
            case "/api/v1/agents" -> FakeHttp.send(exchange, 200, agents);
            case "/api/v1/agents/me" -> {
                ObjectNode me = JSON.createObjectNode();
                me.put("agentId", String.valueOf(claims.get("sub")));
                me.put("displayName", String.valueOf(claims.get("name")));
                me.putArray("teams");
                me.put("presence", "ONLINE");
                me.put("load", (int) tickets.values().stream()
                        .filter(t -> String.valueOf(claims.get("sub")).equals(t.path("assigneeId").asText())).count());
                me.put("capacity", 5);
                FakeHttp.send(exchange, 200, me);
            }
            default -> {
                if (path.matches("/api/v1/tickets/[0-9a-f-]{36}/transfer") && call.method().equals("POST")) {
                    exchange.sendResponseHeaders(202, -1);
                    onTransfer.accept(call);
                } else {
                    FakeHttp.problem(exchange, 404, "no route " + path);
                }
            }
        }
    }
}
