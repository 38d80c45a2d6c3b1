package io.switchboard.gateway.ticket;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.switchboard.gateway.testing.DemoAgents;
import io.switchboard.gateway.testing.FakeDownstream;
import io.switchboard.gateway.testing.FakeDownstreamResource;
import io.switchboard.gateway.testing.FakeTicket;

/** The ticket screen (ticket, thread, customer's other tickets, composer) and the agent's actions. */
@QuarkusTest
class TicketViewResourceTest {

    private final FakeDownstream fake = FakeDownstreamResource.fake();

    private FakeTicket avasTicket() {
        return fake.ticket().assignee(DemoAgents.subject("ava"))
                .customerMessage("Where is my parcel?")
                .agentReply("Looking into it", "DELIVERED")
                .note("Courier says Tuesday")
                .save();
    }

    @Test
    void oneCallGivesTheWholeTicketScreen() {
        FakeTicket ticket = avasTicket();
        FakeTicket older = fake.ticket().customer(ticket.customerId(), "@casey", "Casey Customer").summary("Old issue").save();

        given().auth().oauth2(DemoAgents.token("ava"))
                .when().get("/api/v1/tickets/{id}", ticket.id())
                .then().statusCode(200)
                .body("ticket.id", equalTo(ticket.id().toString()))
                .body("messages.kind", org.hamcrest.Matchers.contains("CUSTOMER", "AGENT_REPLY", "INTERNAL_NOTE"))
                .body("messages[1].delivery", equalTo("DELIVERED"))
                .body("otherTickets.id", org.hamcrest.Matchers.contains(older.id().toString()))
                .body("customerChannels[0].handle", equalTo("@casey"))
                .body("composer.publicLimit", equalTo(280))
                .body("composer.privateLimit", equalTo(10000))
                .body("composer.signature", equalTo(" ^AL"))
                .body("composer.cannedResponses.team", everyItem(equalTo("customer-care")))
                .body("composer.cannedResponses.title", org.hamcrest.Matchers.hasItem("Move to DM"));
    }

    @Test
    void anAgentOfAnotherTeamGets404AsProblemDetails() {
        FakeTicket ticket = avasTicket();
        given().auth().oauth2(DemoAgents.token("mateo"))
                .when().get("/api/v1/tickets/{id}", ticket.id())
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    @Test
    void aPublicXReplyOver280CharactersIsRefusedBeforeItLeaves() {
        FakeTicket ticket = avasTicket();
        int repliesBefore = fake.callsTo(ticket.id() + "/replies").size();
        String tooLong = "x".repeat(281);

        given().auth().oauth2(DemoAgents.token("ava")).contentType(ContentType.JSON)
                .body(Map.of("text", tooLong, "visibility", "PUBLIC"))
                .when().post("/api/v1/tickets/{id}/replies", ticket.id())
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("at most 280"));
        assertThat(fake.callsTo(ticket.id() + "/replies")).hasSize(repliesBefore);

        // Counted in code points: 280 emoji are 280 characters, not 560.
        given().auth().oauth2(DemoAgents.token("ava")).contentType(ContentType.JSON)
                .body(Map.of("text", "😀".repeat(280), "visibility", "PUBLIC"))
                .when().post("/api/v1/tickets/{id}/replies", ticket.id())
                .then().statusCode(201)
                .body("delivery", equalTo("PENDING"));
        // A private reply (direct message) may be longer.
        given().auth().oauth2(DemoAgents.token("ava")).contentType(ContentType.JSON)
                .body(Map.of("text", tooLong, "visibility", "PRIVATE"))
                .when().post("/api/v1/tickets/{id}/replies", ticket.id())
                .then().statusCode(201);
    }

    @Test
    void ticketServicesRefusalReachesTheAgentWithItsReason() {
        FakeTicket ticket = avasTicket();
        given().auth().oauth2(DemoAgents.token("ava")).contentType(ContentType.JSON)
                .body(Map.of("text", "Mail me at casey@example.com", "visibility", "PUBLIC"))
                .when().post("/api/v1/tickets/{id}/replies", ticket.id())
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("answer privately"));
    }

    @Test
    void notesAndStatusChangesGoThroughWithTheUsersToken() {
        FakeTicket ticket = avasTicket();
        given().auth().oauth2(DemoAgents.token("ava")).contentType(ContentType.JSON)
                .body(Map.of("text", "Customer called too"))
                .when().post("/api/v1/tickets/{id}/notes", ticket.id())
                .then().statusCode(201)
                .body("kind", equalTo("INTERNAL_NOTE"));
        given().auth().oauth2(DemoAgents.token("ava")).contentType(ContentType.JSON)
                .body(Map.of("status", "RESOLVED"))
                .when().post("/api/v1/tickets/{id}/status", ticket.id())
                .then().statusCode(200)
                .body("status", equalTo("RESOLVED"));
        assertThat(fake.callsTo(ticket.id() + "/status")).singleElement()
                .satisfies(call -> assertThat(call.username()).isEqualTo("ava"));

        given().auth().oauth2(DemoAgents.token("ava")).contentType(ContentType.JSON)
                .body(Map.of("status", "CLOSED"))
                .when().post("/api/v1/tickets/{id}/status", ticket.id())
                .then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(DemoAgents.token("ava")).contentType(ContentType.JSON)
                .body(Map.of("text", "  "))
                .when().post("/api/v1/tickets/{id}/replies", ticket.id())
                .then().statusCode(400);
    }

    @Test
    void anAdminWithoutTheAgentRoleCannotReply() {
        FakeTicket ticket = avasTicket();
        given().auth().oauth2(DemoAgents.token("ada")).contentType(ContentType.JSON)
                .body(Map.of("text", "hello", "visibility", "PUBLIC"))
                .when().post("/api/v1/tickets/{id}/replies", ticket.id())
                .then().statusCode(403)
                .body("status", equalTo(403));
        assertThat(fake.callsTo(ticket.id() + "/replies")).isEmpty();
        given().auth().oauth2(DemoAgents.token("ava"))
                .when().get("/api/v1/tickets/{id}", "not-a-uuid")
                .then().statusCode(404);
        given().auth().oauth2(DemoAgents.token("ava"))
                .when().get("/api/v1/tickets/{id}", java.util.UUID.randomUUID())
                .then().statusCode(404).body("detail", containsString("No ticket"));
        org.hamcrest.MatcherAssert.assertThat(fake.callsTo("/replies").stream()
                .filter(c -> c.username().equals("ada")).toList(), hasSize(0));
    }
}
