package io.switchboard.gateway.floor;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.switchboard.gateway.testing.DemoAgents;
import io.switchboard.gateway.testing.FakeDownstream;
import io.switchboard.gateway.testing.FakeDownstreamResource;
import io.switchboard.gateway.testing.FakeTicket;

/** The supervisor floor: queues and agents as routing scopes them, SLA risk from ticket-service, the chart, transfers. */
@QuarkusTest
class FloorResourceTest {

    private final FakeDownstream fake = FakeDownstreamResource.fake();

    @BeforeEach
    void floor() {
        ArrayNode queues = FakeDownstream.json().createArrayNode();
        queues.add(FakeDownstream.queue("customer-care", "Customer care", "customer-care", 4, 300L));
        queues.add(FakeDownstream.queue("billing", "Billing", "billing", 9, 20L));
        queues.add(FakeDownstream.queue("escalations", "Escalations", "supervisors", 1, 60L));
        queues.add(FakeDownstream.queue("risk", "Risk", "risk-team", 0, null));
        queues.add(FakeDownstream.queue("split-a", "Split A", "split-team", 0, null));
        queues.add(FakeDownstream.queue("split-b", "Split B", "split-team", 0, null));
        fake.setQueues(queues);
        ArrayNode agents = FakeDownstream.json().createArrayNode();
        agents.add(FakeDownstream.agent(DemoAgents.subject("ava"), "ava", "Ava", false, "ONLINE", 2, 5, "customer-care"));
        agents.add(FakeDownstream.agent("b1", "bill", "Bill", false, "AWAY", 0, 5, "billing"));
        agents.add(FakeDownstream.agent(DemoAgents.subject("mateo"), "mateo", "Mateo", false, "ONLINE", 4, 4, "tech-support"));
        agents.add(FakeDownstream.agent("o1", "olga", "Olga", false, "OFFLINE", 0, 4, "customer-care"));
        fake.setAgents(agents);
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(DemoAgents.token(user)).contentType(ContentType.JSON);
    }

    @Test
    void aSupervisorSeesWhatRoutingShowsOfTheirTeamsAndTheChart() {
        Instant before = Instant.now();
        JsonPath floor = as("sam").when().get("/api/v1/floor?minutes=10")
                .then().statusCode(200)
                // sam supervises customer-care and tech-support; every supervisor serves the escalation queue.
                .body("queues.queueId", contains("customer-care", "escalations"))
                .body("queues[0].depth", equalTo(4))
                .body("queues[0].oldestQueuedAt", notNullValue())
                .body("queues[0].slaAtRisk", notNullValue())
                .body("agents.agentId", containsInAnyOrder(DemoAgents.subject("ava"), DemoAgents.subject("mateo"), "o1"))
                .body("mentions.minutes", hasSize(10))
                .extract().jsonPath();
        Instant oldest = Instant.parse(floor.getString("queues[0].oldestQueuedAt"));
        // routing says how long it has waited (300 s); the floor says since when, so the app's clock can tick.
        assertThat(oldest).isBetween(before.minusSeconds(300), Instant.now().minusSeconds(300));
        assertThat(fake.callsTo("/routing-service/api/v1/queues")).anySatisfy(call -> assertThat(call.username()).isEqualTo("sam"));
        // An admin runs every team's floor.
        as("ada").when().get("/api/v1/floor")
                .then().statusCode(200)
                .body("queues.queueId", hasItems("customer-care", "billing", "escalations"));
    }

    @Test
    void waitingTicketsWithAnSlaAtRiskAreCountedPerQueue() {
        fake.ticket().team("risk-team").slaWarned().save();
        fake.ticket().team("risk-team").slaDueAt(Instant.now().minusSeconds(60)).save();
        fake.ticket().team("risk-team").save(); // on track
        fake.ticket().team("risk-team").slaWarned().assignee(DemoAgents.subject("ava")).save(); // not waiting
        fake.ticket().team("risk-team").slaWarned().status("RESOLVED").save(); // not open
        // A team with two queues: each ticket is read in full for its queue.
        fake.ticket().team("split-team").queue("split-b").slaWarned().save();

        JsonPath floor = as("ada").when().get("/api/v1/floor").then().statusCode(200).extract().jsonPath();

        assertThat(floor.getInt("queues.find { it.queueId == 'risk' }.slaAtRisk")).isEqualTo(2);
        assertThat(floor.getInt("queues.find { it.queueId == 'split-a' }.slaAtRisk")).isZero();
        assertThat(floor.getInt("queues.find { it.queueId == 'split-b' }.slaAtRisk")).isEqualTo(1);
        assertThat(fake.callsTo("/ticket-service/api/v1/tickets")).anySatisfy(call -> assertThat(call.query())
                .contains("assignee=none", "sla=AT_RISK"));
    }

    @Test
    void theFloorListsTheTicketsBeingWorkedInTheSupervisorsTeamsToPickOneToTransfer() {
        FakeTicket waiting = fake.ticket().team("customer-care").save();
        FakeTicket withAva = fake.ticket().team("customer-care").assignee(DemoAgents.subject("ava")).save();
        FakeTicket techSupport = fake.ticket().team("tech-support").status("PENDING_CUSTOMER").save();
        FakeTicket resolved = fake.ticket().team("customer-care").status("RESOLVED").save();
        FakeTicket billing = fake.ticket().team("billing").save(); // not one of sam's teams

        JsonPath floor = as("sam").when().get("/api/v1/floor").then().statusCode(200).extract().jsonPath();

        assertThat(floor.getList("tickets.id")).contains(waiting.id().toString(), withAva.id().toString(),
                techSupport.id().toString());
        assertThat(floor.getList("tickets.id")).doesNotContain(resolved.id().toString(), billing.id().toString());
        assertThat(floor.getString("tickets.find { it.id == '" + withAva.id() + "' }.assigneeId")).isEqualTo(DemoAgents.subject("ava"));
        assertThat(floor.getString("tickets.find { it.id == '" + waiting.id() + "' }.reference")).isNotBlank();
        assertThat(fake.callsTo("/ticket-service/api/v1/tickets")).anySatisfy(call -> {
            assertThat(call.username()).isEqualTo("sam");
            assertThat(call.query()).doesNotContain("assignee=");
        });
    }

    @Test
    void whileRoutingIsUnavailableTheFloorSays503AndWhenToRetry() {
        fake.routingDown(true);
        try {
            as("sam").when().get("/api/v1/floor")
                    .then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", "5")
                    .body("detail", equalTo("routing-service is unavailable for a moment; try again shortly."));
        } finally {
            fake.routingDown(false);
        }
    }

    @Test
    void agentsHaveNoFloor() {
        as("ava").when().get("/api/v1/floor")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aSupervisorTransfersATicketOfTheirTeam() {
        FakeTicket ticket = fake.ticket().assignee(DemoAgents.subject("ava")).save();
        String sam = DemoAgents.subject("sam");
        fake.setAgents(FakeDownstream.json().createArrayNode()
                .add(FakeDownstream.agent(sam, "sam", "Sam", true, "ONLINE", 0, 2, "customer-care", "tech-support")));

        as("sam").body(Map.of("ticketId", ticket.id().toString(), "agentId", sam))
                .when().post("/api/v1/floor/transfers")
                .then().statusCode(200)
                .body("ticketId", equalTo(ticket.id().toString()))
                .body("status", equalTo("ASSIGNED"))
                .body("agentId", equalTo(sam));

        assertThat(fake.callsTo(ticket.id() + "/transfer")).singleElement().satisfies(call -> {
            assertThat(call.method()).isEqualTo("POST");
            assertThat(call.username()).isEqualTo("sam");
            assertThat(call.body()).contains(sam);
        });
        assertThat(fake.ticketNow(ticket.id()).path("assigneeId").asText()).isEqualTo(sam);

        as("sam").body(Map.of("ticketId", ticket.id().toString(), "queueId", "escalations"))
                .when().post("/api/v1/floor/transfers")
                .then().statusCode(200)
                .body("status", equalTo("WAITING"))
                .body("queueId", equalTo("escalations"))
                .body("agentId", nullValue());
    }

    @Test
    void routingsRefusalsReachTheSupervisorAndBadRequestsNeverLeave() {
        FakeTicket othersTeam = fake.ticket().team("billing").save();
        // Not one of sam's teams' queues: routing-service answers 404.
        as("sam").body(Map.of("ticketId", othersTeam.id().toString(), "queueId", "customer-care"))
                .when().post("/api/v1/floor/transfers")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("no such ticket in your teams' queues"));
        FakeTicket ours = fake.ticket().assignee(DemoAgents.subject("ava")).save();
        as("sam").body(Map.of("ticketId", ours.id().toString(), "agentId", "o1"))
                .when().post("/api/v1/floor/transfers")
                .then().statusCode(409).body("detail", equalTo("the agent is offline"));
        as("sam").body(Map.of("ticketId", ours.id().toString(), "agentId", DemoAgents.subject("mateo")))
                .when().post("/api/v1/floor/transfers")
                .then().statusCode(409).body("detail", equalTo("the agent is at capacity (4)"));

        int before = fake.callsTo("/transfer").size();
        as("sam").body(Map.of("ticketId", othersTeam.id().toString(), "queueId", "q", "agentId", "a"))
                .when().post("/api/v1/floor/transfers")
                .then().statusCode(400);
        as("ava").body(Map.of("ticketId", othersTeam.id().toString(), "queueId", "billing"))
                .when().post("/api/v1/floor/transfers")
                .then().statusCode(403);
        assertThat(fake.callsTo("/transfer")).hasSize(before);
    }
}
