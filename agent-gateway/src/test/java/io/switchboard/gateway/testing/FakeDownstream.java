package io.switchboard.gateway.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for ticket-service and routing-service in the gateway's own tests: a tiny HTTP server on a
 * random port that answers exactly as the real services do (ticket-service/README.md and
 * routing-service/README.md, "Endpoints"): the same paths and methods (a wrong method is 405), query
 * parameters, bodies, JSON shapes, status codes and problem details (types such as
 * {@code urn:switchboard:problem:stale-version}, a refused reply's {@code personalData} and
 * {@code suggestedVisibility}). Like the real services it refuses calls without a bearer token (401),
 * checks roles (403) and scopes to the caller's teams (another team's ticket is 404). The agent-gateway
 * README's "Downstream contract" lists what it mirrors; the system tests run the gateway against the
 * real services.
 */
public final class FakeDownstream {

    public static final String TICKET_PREFIX = "/ticket-service";
    public static final String ROUTING_PREFIX = "/routing-service";

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** A call the gateway made: which user (token username) asked for what. */
    public record Call(String method, String path, String query, String username, String body) {
    }

    private final HttpServer server;
    private final FakeTicketService ticketService = new FakeTicketService(this);
    private final FakeRoutingService routingService = new FakeRoutingService(this);
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<String> beaconHits = new CopyOnWriteArrayList<>();
    private volatile Consumer<Call> onTransfer = call -> { };
    private volatile BiConsumer<UUID, JsonNode> onReply = (ticket, message) -> { };
    private volatile boolean routingDown;

    public FakeDownstream() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(8));
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

    public static ObjectMapper json() {
        return JSON;
    }

    // ---- state the tests set up ----

    /** A new ticket in ticket-service's shape; {@link FakeTicket#save()} puts it in. */
    public FakeTicket ticket() {
        return new FakeTicket(ticketService);
    }

    /** Forgets every ticket and customer (the browser tests start from an empty inbox). */
    public void clearTickets() {
        ticketService.clear();
    }

    /** The ticket as ticket-service holds it now (its TicketDetail JSON), or null. */
    public JsonNode ticketNow(UUID id) {
        return ticketService.detail(id);
    }

    /** A queue in routing-service's QueueStatus shape. */
    public static ObjectNode queue(String id, String name, String team, int depth, Long oldestWaitSeconds) {
        return FakeRoutingService.queue(id, name, team, depth, oldestWaitSeconds);
    }

    /** An agent in routing-service's AgentView shape. */
    public static ObjectNode agent(String id, String username, String displayName, boolean supervisor, String presence,
            int load, int capacity, String... teams) {
        return FakeRoutingService.agent(id, username, displayName, supervisor, presence, load, capacity, teams);
    }

    /** routing-service's queues, each as {@link #queue} builds it. */
    public void setQueues(ArrayNode queues) {
        routingService.setQueues(queues);
    }

    /** routing-service's agents, each as {@link #agent} builds it. */
    public void setAgents(ArrayNode agents) {
        routingService.setAgents(agents);
    }

    /** Back to routing's seeds: the demo agents and the customer-care, tech-support and escalations queues. */
    public void demoRouting() {
        routingService.demo();
    }

    /** Called after routing accepted a transfer (the ticket already moved in ticket-service). */
    public void onTransfer(Consumer<Call> hook) {
        this.onTransfer = hook;
    }

    /** Called after a reply was recorded, with the ticket and the new message as ticket-service shows it. */
    public void onReply(BiConsumer<UUID, JsonNode> hook) {
        this.onReply = hook;
    }

    /** routing-service answers 503 to everything while down. */
    public void routingDown(boolean down) {
        this.routingDown = down;
    }

    /** Requests to /beacon/...: what a hostile mention would fetch if the app ever ran it. */
    public List<String> beaconHits() {
        return List.copyOf(beaconHits);
    }

    public String beaconUrl(String name) {
        return "http://localhost:" + server.getAddress().getPort() + "/beacon/" + name;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> callsTo(String pathPart) {
        return calls.stream().filter(c -> c.path().contains(pathPart)).toList();
    }

    void replied(UUID ticketId, JsonNode message) {
        onReply.accept(ticketId, message);
    }

    void transferred(Call call) {
        onTransfer.accept(call);
    }

    FakeTicketService tickets() {
        return ticketService;
    }

    // ---- the two services ----

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/beacon/")) {
                beaconHits.add(path);
                exchange.sendResponseHeaders(204, -1);
                return;
            }
            try {
                Map<String, Object> claims = FakeHttp.claims(exchange.getRequestHeaders().getFirst("Authorization"));
                if (claims == null) {
                    throw new FakeHttp.Refusal(401, null);
                }
                Call call = new Call(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
                        String.valueOf(claims.get("preferred_username")), FakeHttp.read(exchange.getRequestBody()));
                calls.add(call);
                if (path.startsWith(TICKET_PREFIX)) {
                    FakeHttp.send(exchange, 200, ticketService.answer(call, path.substring(TICKET_PREFIX.length()), claims));
                } else if (path.startsWith(ROUTING_PREFIX) && routingDown) {
                    throw new FakeHttp.Refusal(503, null);
                } else if (path.startsWith(ROUTING_PREFIX)) {
                    FakeHttp.send(exchange, 200, routingService.answer(call, path.substring(ROUTING_PREFIX.length()), claims));
                } else {
                    throw FakeHttp.problem(404, "Not Found", "about:blank", "no such service");
                }
            } catch (FakeHttp.Refusal refusal) {
                FakeHttp.send(exchange, refusal);
            } catch (RuntimeException e) {
                FakeHttp.send(exchange, FakeHttp.problem(500, "Internal Server Error", "about:blank", "fake failed: " + e));
            }
        }
    }
}
