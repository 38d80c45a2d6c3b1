package io.switchboard.gateway.floor;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.switchboard.gateway.testing.DemoAgents;
import io.switchboard.gateway.testing.FakeDownstream;
import io.switchboard.gateway.testing.FakeDownstreamResource;
import io.switchboard.gateway.testing.FakeTicket;

/** The supervisor floor: queues and agents of the supervisor's teams, the mention chart, transfers. */
@QuarkusTest
class FloorResourceTest {

    private final FakeDownstream fake = FakeDownstreamResource.fake();

    @BeforeEach
    void floor() {
        ArrayNode queues = FakeDownstream.json().createArrayNode();
        queues.addObject().put("queueId", "cc-default").put("name", "Customer care").put("team", "customer-care")
                .put("depth", 4).put("oldestQueuedAt", "2026-01-01T10:00:00Z").put("slaAtRisk", 1);
        queues.addObject().put("queueId", "billing").put("name", "Billing").put("team", "billing")
                .put("depth", 9).put("slaAtRisk", 0);
        fake.setQueues(queues);
        ArrayNode agents = FakeDownstream.json().createArrayNode();
        agents.addObject().put("agentId", "a1").put("displayName", "Ava").put("presence", "ONLINE").put("load", 2)
                .put("capacity", 5).putArray("teams").add("customer-care");
        agents.addObject().put("agentId", "b1").put("displayName", "Bill").put("presence", "AWAY").put("load", 0)
                .put("capacity", 5).putArray("teams").add("billing");
        fake.setAgents(agents);
    }

    @Test
    void aSupervisorSeesTheirTeamsQueuesAgentsAndTheChart() {
        given().auth().oauth2(DemoAgents.token("sam"))
                .when().get("/api/v1/floor?minutes=10")
                .then().statusCode(200)
                .body("queues.queueId", contains("cc-default"))
                .body("queues[0].depth", equalTo(4))
                .body("agents.agentId", contains("a1"))
                .body("mentions.minutes", hasSize(10));
        // An admin runs every team's floor.
        given().auth().oauth2(DemoAgents.token("ada"))
                .when().get("/api/v1/floor")
                .then().statusCode(200)
                .body("queues.queueId", contains("cc-default", "billing"));
    }

    @Test
    void agentsHaveNoFloor() {
        given().auth().oauth2(DemoAgents.token("ava"))
                .when().get("/api/v1/floor")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aSupervisorTransfersATicketOfTheirTeam() {
        FakeTicket ticket = fake.ticket().assignee(DemoAgents.subject("ava")).save();
        String mateo = DemoAgents.subject("mateo");

        given().auth().oauth2(DemoAgents.token("sam")).contentType(ContentType.JSON)
                .body(Map.of("ticketId", ticket.id().toString(), "agentId", mateo))
                .when().post("/api/v1/floor/transfers")
                .then().statusCode(202);

        assertThat(fake.callsTo(ticket.id() + "/transfer")).singleElement().satisfies(call -> {
            assertThat(call.username()).isEqualTo("sam");
            assertThat(call.body()).contains(mateo);
        });
    }

    @Test
    void transfersAreCheckedBeforeAnythingMoves() {
        FakeTicket othersTeam = fake.ticket().team("billing").save();
        // Not one of sam's teams: ticket-service does not even show it to him.
        given().auth().oauth2(DemoAgents.token("sam")).contentType(ContentType.JSON)
                .body(Map.of("ticketId", othersTeam.id().toString(), "queueId", "billing"))
                .when().post("/api/v1/floor/transfers")
                .then().statusCode(404).contentType("application/problem+json");
        // An admin may see it, but it is no team of theirs to run... admins run every team.
        given().auth().oauth2(DemoAgents.token("sam")).contentType(ContentType.JSON)
                .body(Map.of("ticketId", othersTeam.id().toString(), "queueId", "q", "agentId", "a"))
                .when().post("/api/v1/floor/transfers")
                .then().statusCode(400);
        given().auth().oauth2(DemoAgents.token("ava")).contentType(ContentType.JSON)
                .body(Map.of("ticketId", othersTeam.id().toString(), "queueId", "billing"))
                .when().post("/api/v1/floor/transfers")
                .then().statusCode(403);
        assertThat(fake.callsTo(othersTeam.id() + "/transfer")).isEmpty();
    }
}
