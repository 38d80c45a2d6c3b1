package io.switchboard.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.path.json.JsonPath;
import io.switchboard.events.routing.AssignmentDecided;
import io.switchboard.fakes.FakeHttp;
import io.switchboard.platform.Service;
import io.switchboard.platform.testing.DemoUsers;
import io.switchboard.platform.testing.DemoUsers.DemoUser;
import io.switchboard.system.harness.SystemStack;
import io.switchboard.system.harness.SystemTest;
import io.switchboard.system.support.AgentsOnline;
import io.switchboard.system.support.TicketTrail;

/**
 * What every end-to-end test shares: the running system, Ava (customer care, English) signed in
 * through the gateway for the class, a {@link TicketTrail} per test, and the checks the flows repeat.
 */
@SystemTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    protected final SystemStack stack;
    protected AgentsOnline agents;
    protected TicketTrail trail;

    protected EndToEndTest(SystemStack stack) {
        this.stack = stack;
    }

    @BeforeAll
    void signAgentsIn() {
        agents = AgentsOnline.signIn(stack, DemoUsers.AVA_USER);
    }

    @AfterAll
    void signAgentsOut() {
        if (agents != null) {
            agents.close();
        }
    }

    @BeforeEach
    void followTickets() {
        agents.ensureOnline();
        trail = new TicketTrail(stack);
    }

    @AfterEach
    void resolveFollowedTickets() {
        trail.close();
    }

    /**
     * The ticket went to one online agent of {@code team} who speaks the ticket's language, and
     * ticket-service shows that agent as the assignee. Returns the agent.
     */
    protected DemoUser assertAssignedToOnlineAgentOf(UUID ticket, String team) {
        AssignmentDecided decision = trail.awaitAssignment(ticket);
        DemoUser agent = AgentsOnline.demoUser(decision.agentId());
        assertThat(decision.team()).as("the team routing assigned for").isEqualTo(team);
        assertThat(agent.teams()).as(agent.username() + "'s teams").contains(team);
        JsonPath assigned = Awaitility.await("ticket-service shows the assignee").atMost(TicketTrail.PATIENCE)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> trail.ticket(ticket), t -> decision.agentId().equals(t.getString("assigneeId")));
        assertThat(assigned.getString("team")).isEqualTo(team);
        String language = assigned.getString("language");
        assertThat(language).as("the language triage found").isNotNull();
        assertThat(agent.languages()).as(agent.username() + " speaks the ticket's language").contains(language);
        assertThat(agents.routingPresence(decision.agentId())).as(agent.username() + " in routing-service").isEqualTo("ONLINE");
        assertThat(trail.assignments(ticket)).as("one assignee at a time: a single decision").hasSize(1);
        return agent;
    }

    /** The agent answers through the gateway's API with their own token. */
    protected void replyThroughGateway(UUID ticket, DemoUser agent, String text, String visibility) {
        agents.gatewayAs(agent.subject()).contentType("application/json").body(Map.of("text", text, "visibility", visibility))
                .post("/api/v1/tickets/{id}/replies", ticket)
                .then().statusCode(201);
    }

    /** The gateway's ticket screen as the agent shows the reply in this delivery state. */
    protected void assertGatewayShowsReply(UUID ticket, DemoUser agent, String state) {
        JsonPath view = agents.gatewayAs(agent.subject()).get("/api/v1/tickets/{id}", ticket).then().statusCode(200).extract().jsonPath();
        assertThat(view.getString("messages.find { it.kind == 'AGENT_REPLY' }.delivery")).isEqualTo(state);
    }

    /** The bodies of what the fake X received on exactly this method and path. */
    protected List<JsonNode> xReceived(String method, String path) {
        return stack.fakeX().requests().stream().filter(r -> r.method().equals(method) && r.path().equals(path))
                .map(FakeHttp.Request::body).map(EndToEndTest::json).toList();
    }

    protected String url(Service service) {
        return stack.baseUrl(service);
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new AssertionError("the fake X received a body that is not JSON", e);
        }
    }
}
