package io.switchboard.system.support;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.switchboard.platform.Service;
import io.switchboard.platform.testing.DemoUsers;
import io.switchboard.platform.testing.DemoUsers.DemoUser;
import io.switchboard.platform.testing.KeycloakTokens;
import io.switchboard.system.harness.SystemStack;

/**
 * The demo agents a test works with, signed in through the gateway and seen ONLINE by
 * routing-service. The test platform is shared and long-lived: its queues may hold tickets that
 * earlier runs left waiting, which routing hands to the first agent who comes online. So, as an
 * administrator would in a backlog, the agents get room ({@value #CAPACITY} tickets, the API's
 * maximum) through routing-service's admin API; a new ticket then still finds an eligible agent.
 */
public final class AgentsOnline implements AutoCloseable {

    static final int CAPACITY = 100;
    private static final Duration ROUTING_SEES_THEM = Duration.ofSeconds(90);

    private final SystemStack stack;
    private final KeycloakTokens tokens;
    private final Map<String, GatewayAgent> bySubject = new LinkedHashMap<>();

    private AgentsOnline(SystemStack stack) {
        this.stack = stack;
        this.tokens = KeycloakTokens.forPlatform(stack.platform());
    }

    public static AgentsOnline signIn(SystemStack stack, DemoUser... users) {
        AgentsOnline online = new AgentsOnline(stack);
        try {
            for (DemoUser user : users) {
                online.bySubject.put(user.subject(), GatewayAgent.signIn(stack.baseUrl(Service.GATEWAY), online.tokens, user));
                online.giveRoom(user);
            }
            return online;
        } catch (RuntimeException e) {
            online.close();
            throw e;
        }
    }

    /**
     * Puts back ONLINE whoever routing no longer has ONLINE, as the agent would with the app's
     * presence switch. On the shared test platform another run's tests may sign the same demo agent
     * out or set them away (they share the identity, and the gateway's presence table).
     */
    public void ensureOnline() {
        for (GatewayAgent agent : bySubject.values()) {
            if (!"ONLINE".equals(routingPresence(agent.user().subject()))) {
                agent.api().contentType("application/json").body(Map.of("presence", "ONLINE")).put("/api/v1/presence")
                        .then().statusCode(200);
                awaitOnlineInRouting(agent.user());
            }
        }
    }

    private JsonPath awaitOnlineInRouting(DemoUser user) {
        return Awaitility.await(user.username() + " online in routing-service").atMost(ROUTING_SEES_THEM)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> asAdmin().get(agentUrl(user)), r -> r.statusCode() == 200 && "ONLINE".equals(r.path("presence")))
                .jsonPath();
    }

    private String agentUrl(DemoUser user) {
        return stack.baseUrl(Service.ROUTING) + "/api/v1/agents/" + user.subject();
    }

    private void giveRoom(DemoUser user) {
        JsonPath seen = awaitOnlineInRouting(user);
        if (seen.getInt("capacity") < CAPACITY) {
            asAdmin().contentType("application/json").body(Map.of("capacity", CAPACITY)).patch(agentUrl(user)).then().statusCode(200);
        }
    }

    private RequestSpecification asAdmin() {
        return given().auth().oauth2(tokens.token(DemoUsers.ADA));
    }

    public List<DemoUser> users() {
        return bySubject.values().stream().map(GatewayAgent::user).toList();
    }

    /** The demo user an agent id (OIDC subject) belongs to. */
    public static DemoUser demoUser(String subject) {
        return DemoUsers.ALL.stream().filter(u -> u.subject().equals(subject)).findFirst()
                .orElseThrow(() -> new AssertionError(subject + " is not one of the realm's demo users"));
    }

    /** The gateway's API as the agent with this id: the one we signed in, or another demo agent routing chose. */
    public RequestSpecification gatewayAs(String subject) {
        GatewayAgent agent = bySubject.get(subject);
        String token = agent != null ? agent.token() : tokens.token(demoUser(subject).username());
        return given().baseUri(stack.baseUrl(Service.GATEWAY)).auth().oauth2(token);
    }

    /** routing-service's presence of an agent (ONLINE, AWAY, OFFLINE). */
    public String routingPresence(String subject) {
        return asAdmin().get(stack.baseUrl(Service.ROUTING) + "/api/v1/agents/{id}", subject).then().statusCode(200).extract().path("presence");
    }

    public String tokenOf(String subject) {
        return tokens.token(demoUser(subject).username());
    }

    /** Signs everyone out (routing hands back what they had not answered). */
    @Override
    public void close() {
        bySubject.values().forEach(GatewayAgent::close);
        bySubject.clear();
    }
}
