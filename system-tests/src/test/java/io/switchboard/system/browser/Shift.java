package io.switchboard.system.browser;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.switchboard.platform.Service;
import io.switchboard.platform.testing.DemoUsers;
import io.switchboard.platform.testing.DemoUsers.DemoUser;
import io.switchboard.platform.testing.KeycloakTokens;
import io.switchboard.system.harness.SystemStack;
import io.switchboard.system.support.TicketTrail;

/**
 * The start of a shift on the shared, long-lived test platform, so that what a browser shows is this
 * test's work only: earlier runs leave demo agents online in routing-service and tickets open (held or
 * waiting in a queue), which routing would hand to the first agent who comes online. {@link #begin}
 * signs every demo agent out, resolves every open ticket, as the previous shift would have, and
 * drains what routing-service still holds ({@link RoutingBacklog}); {@link #room} then gives an agent
 * who came online a realistic capacity. Runs alone on the test platform: a run beside it (another
 * stack on shifted ports) shares the agents and the tickets.
 */
final class Shift {

    static final List<DemoUser> AGENTS = List.of(DemoUsers.AVA_USER, DemoUsers.MATEO_USER, DemoUsers.SAM_USER);
    private static final int PAGE = 100;
    private static final String OPEN = "NEW,OPEN,REOPENED,PENDING_CUSTOMER";

    private final SystemStack stack;
    final KeycloakTokens tokens;

    private Shift(SystemStack stack) {
        this.stack = stack;
        this.tokens = KeycloakTokens.forPlatform(stack.platform());
    }

    /** Nobody signed in, no ticket open, no agent holding anything. */
    static Shift begin(SystemStack stack) {
        Shift shift = new Shift(stack);
        AGENTS.forEach(shift::signOut);
        int resolved = shift.resolveOpenTickets();
        int drained = new RoutingBacklog(stack, shift).drain(AGENTS);
        AGENTS.forEach(shift::awaitOffDuty);
        if (resolved + drained > 0) {
            System.out.printf("[browser] start of shift: resolved %d tickets earlier runs left open, finished %d that routing still held%n",
                    resolved, drained);
        }
        return shift;
    }

    /** Signs the agent out through the gateway (SIGN_OUT on agent-events: routing takes them offline). */
    void signOut(DemoUser agent) {
        given().baseUri(stack.baseUrl(Service.GATEWAY)).auth().oauth2(tokens.token(agent.username()))
                .post("/api/v1/session/sign-out").then().statusCode(204);
    }

    /**
     * Once routing-service has the agent ONLINE (their browser signed in and switched to Online), sets
     * their capacity to what they hold plus {@code free}, as an administrator would for the day.
     */
    void room(DemoUser agent, int free) {
        capacity(agent, awaitOnline(agent).<Integer>path("load") + free);
    }

    /** Waits until routing-service has the agent ONLINE; returns its view of them. */
    Response awaitOnline(DemoUser agent) {
        return Awaitility.await(agent.username() + " online in routing-service").atMost(TicketTrail.PATIENCE)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> routingAgent(agent), r -> r.statusCode() == 200 && "ONLINE".equals(r.path("presence")));
    }

    /** Sets the agent's capacity in routing-service, as an administrator. */
    void capacity(DemoUser agent, int capacity) {
        asAdmin().contentType("application/json").body(Map.of("capacity", capacity))
                .patch(stack.baseUrl(Service.ROUTING) + "/api/v1/agents/" + agent.subject()).then().statusCode(200);
    }

    /**
     * Resolves (as an administrator, through ticket-service) every ticket still open; returns how many.
     * A second pass catches a ticket refused meanwhile (409: a customer's message or routing changed it).
     */
    private int resolveOpenTickets() {
        int resolved = 0;
        for (int pass = 0; pass < 3; pass++) {
            int before = resolved;
            String cursor = null;
            do {
                RequestSpecification search = ticketService().queryParam("status", OPEN).queryParam("limit", PAGE);
                JsonPath page = (cursor == null ? search : search.queryParam("cursor", cursor)).get("/api/v1/tickets")
                        .then().statusCode(200).extract().jsonPath();
                for (String id : page.getList("items.id", String.class)) {
                    int status = ticketService().contentType("application/json").body(Map.of("status", "RESOLVED"))
                            .put("/api/v1/tickets/{id}/status", id).statusCode();
                    resolved += status == 200 ? 1 : 0;
                }
                cursor = page.getString("nextCursor");
            } while (cursor != null);
            if (resolved == before) {
                break;
            }
        }
        return resolved;
    }

    /** routing-service has the agent offline (or does not know them yet). */
    private void awaitOffDuty(DemoUser agent) {
        Awaitility.await(agent.username() + " offline in routing-service").atMost(TicketTrail.PATIENCE)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> routingAgent(agent), r -> r.statusCode() == 404 || (r.statusCode() == 200 && "OFFLINE".equals(r.path("presence"))));
    }

    private Response routingAgent(DemoUser agent) {
        return asAdmin().get(stack.baseUrl(Service.ROUTING) + "/api/v1/agents/" + agent.subject());
    }

    /** ticket-service's API as an administrator. */
    RequestSpecification ticketService() {
        return asAdmin().baseUri(stack.baseUrl(Service.TICKET));
    }

    private RequestSpecification asAdmin() {
        return given().auth().oauth2(tokens.token(DemoUsers.ADA));
    }
}
