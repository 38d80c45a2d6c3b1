package io.switchboard.gateway.ticket;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.switchboard.gateway.testing.DemoAgents;
import io.switchboard.gateway.testing.FakeDownstream;
import io.switchboard.gateway.testing.FakeDownstreamResource;
import io.switchboard.gateway.testing.FakeTicket;

/** The ticket screen (ticket, thread, customer's other tickets, composer) and the agent's actions on it. */
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

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(DemoAgents.token(user)).contentType(ContentType.JSON);
    }

    @Test
    void oneCallGivesTheWholeTicketScreen() {
        FakeTicket ticket = avasTicket();
        FakeTicket older = fake.ticket().customer(ticket.customerId(), "@casey", "Casey Customer").summary("Old issue").save();

        as("ava").when().get("/api/v1/tickets/{id}", ticket.id())
                .then().statusCode(200)
                .body("ticket.id", equalTo(ticket.id().toString()))
                .body("ticket.customer.displayName", equalTo("Casey Customer"))
                .body("ticket.sentiment", equalTo("NEGATIVE"))
                .body("ticket.intent", equalTo("COMPLAINT"))
                .body("ticket.slaDueAt", notNullValue())
                .body("ticket.version", equalTo(1))
                .body("ticket.nextStatuses", contains("PENDING_CUSTOMER", "RESOLVED", "CLOSED"))
                .body("messages.kind", contains("CUSTOMER", "AGENT_REPLY", "INTERNAL_NOTE"))
                .body("messages[0].author.displayName", equalTo("Casey Customer"))
                .body("messages[1].delivery", equalTo("DELIVERED"))
                .body("messages[2].visibility", nullValue())
                .body("otherTickets.id", contains(older.id().toString()))
                .body("otherTickets[0].summary", equalTo("Old issue"))
                .body("customerChannels[0].handle", equalTo("@casey"))
                .body("customerChannels[0].channel", equalTo("X"))
                .body("composer.publicLimit", equalTo(280))
                .body("composer.privateLimit", equalTo(10000))
                .body("composer.signature", equalTo(" ^AL"))
                .body("composer.cannedResponses.team", everyItem(equalTo("customer-care")))
                .body("composer.cannedResponses.title", hasItem("Move to DM"));
        assertThat(fake.callsTo("/api/v1/customers/" + ticket.customerId())).anySatisfy(call -> {
            assertThat(call.method()).isEqualTo("GET");
            assertThat(call.username()).isEqualTo("ava");
        });
    }

    @Test
    void anAgentOfAnotherTeamGetsTicketServices404() {
        FakeTicket ticket = avasTicket();
        as("mateo").when().get("/api/v1/tickets/{id}", ticket.id())
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("type", equalTo("urn:switchboard:problem:ticket-not-found"));
    }

    @Test
    void aReplyIsWhatTicketServiceAcceptsAndTheScreenGetsTheTicketAsItNowIs() {
        FakeTicket ticket = avasTicket();
        as("ava").body(Map.of("text", "Your parcel arrives Tuesday.", "visibility", "PUBLIC"))
                .when().post("/api/v1/tickets/{id}/replies", ticket.id())
                .then().statusCode(201)
                .body("message.kind", equalTo("AGENT_REPLY"))
                .body("message.text", equalTo("Your parcel arrives Tuesday."))
                .body("message.delivery", equalTo("PENDING"))
                .body("message.author.id", equalTo(DemoAgents.subject("ava")))
                .body("ticket.version", equalTo(2));
        assertThat(fake.callsTo(ticket.id() + "/replies")).singleElement().satisfies(call -> {
            assertThat(call.method()).isEqualTo("POST");
            assertThat(call.username()).isEqualTo("ava");
            assertThat(call.body()).contains("\"visibility\":\"PUBLIC\"");
        });
        // On X a link counts 23 however long it is, so this fits.
        as("ava").body(Map.of("text", "Track it at https://track.example.com/" + "x".repeat(250), "visibility", "PUBLIC"))
                .when().post("/api/v1/tickets/{id}/replies", ticket.id())
                .then().statusCode(201);
    }

    @Test
    void aReplyTheChannelWouldNotTakeIsRefusedWithTheReasonAndTheOfferToAnswerPrivately() {
        FakeTicket ticket = avasTicket();
        as("ava").body(Map.of("text", "x".repeat(281), "visibility", "PUBLIC"))
                .when().post("/api/v1/tickets/{id}/replies", ticket.id())
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:switchboard:problem:reply-too-long"))
                .body("detail", containsString("at most 280"))
                .body("suggestedVisibility", equalTo("PRIVATE"));
        // X counts an emoji as two: 141 of them are 282.
        as("ava").body(Map.of("text", "😀".repeat(141), "visibility", "PUBLIC"))
                .when().post("/api/v1/tickets/{id}/replies", ticket.id())
                .then().statusCode(422)
                .body("type", equalTo("urn:switchboard:problem:reply-too-long"));
        // A private reply (direct message) may be longer.
        as("ava").body(Map.of("text", "x".repeat(281), "visibility", "PRIVATE"))
                .when().post("/api/v1/tickets/{id}/replies", ticket.id())
                .then().statusCode(201)
                .body("message.visibility", equalTo("PRIVATE"));

        String text = "Mail me at casey@example.com";
        as("ava").body(Map.of("text", text, "visibility", "PUBLIC"))
                .when().post("/api/v1/tickets/{id}/replies", ticket.id())
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:switchboard:problem:personal-data-in-public-reply"))
                .body("detail", containsString("Answer privately"))
                .body("personalData[0].type", equalTo("EMAIL"))
                .body("personalData[0].start", equalTo(text.indexOf("casey")))
                .body("suggestedVisibility", equalTo("PRIVATE"));
    }

    @Test
    void theAskUsFormIsAnsweredPrivatelyOnly() {
        FakeTicket ticket = fake.ticket().channel("ASK_US").visibility("PRIVATE").assignee(DemoAgents.subject("ava"))
                .customerMessage("How do I change my address?").save();
        as("ava").when().get("/api/v1/tickets/{id}", ticket.id())
                .then().statusCode(200)
                .body("composer.publicLimit", nullValue())
                .body("composer.privateLimit", equalTo(20000));
        as("ava").body(Map.of("text", "Hello", "visibility", "PUBLIC"))
                .when().post("/api/v1/tickets/{id}/replies", ticket.id())
                .then().statusCode(422)
                .body("type", equalTo("urn:switchboard:problem:visibility-not-available"))
                .body("suggestedVisibility", equalTo("PRIVATE"));
        // Without a visibility the ticket's own (private) is used.
        as("ava").body(Map.of("text", "Hello, here is how."))
                .when().post("/api/v1/tickets/{id}/replies", ticket.id())
                .then().statusCode(201)
                .body("message.visibility", equalTo("PRIVATE"));
    }

    @Test
    void notesAndStatusChangesGoThroughWithTheUsersTokenAndTheVersionTheySaw() {
        FakeTicket ticket = avasTicket();
        as("ava").body(Map.of("text", "Customer called too"))
                .when().post("/api/v1/tickets/{id}/notes", ticket.id())
                .then().statusCode(201)
                .body("message.kind", equalTo("INTERNAL_NOTE"))
                .body("ticket.version", equalTo(2));

        // The version from before the note is stale now: ticket-service refuses, nothing is overwritten.
        as("ava").body(Map.of("status", "RESOLVED", "version", 1))
                .when().post("/api/v1/tickets/{id}/status", ticket.id())
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:switchboard:problem:stale-version"));
        as("ava").body(Map.of("status", "RESOLVED", "version", 2))
                .when().post("/api/v1/tickets/{id}/status", ticket.id())
                .then().statusCode(200)
                .body("status", equalTo("RESOLVED"))
                .body("version", equalTo(3))
                .body("slaDueAt", nullValue());
        assertThat(fake.callsTo(ticket.id() + "/status")).allSatisfy(call -> {
            assertThat(call.method()).isEqualTo("PUT");
            assertThat(call.username()).isEqualTo("ava");
        });
        // The state machine is ticket-service's: a resolved ticket does not go pending.
        as("ava").body(Map.of("status", "PENDING_CUSTOMER"))
                .when().post("/api/v1/tickets/{id}/status", ticket.id())
                .then().statusCode(409)
                .body("type", equalTo("urn:switchboard:problem:invalid-transition"))
                .body("detail", containsString("REOPENED"));

        as("ava").body(Map.of("status", "CLOSED"))
                .when().post("/api/v1/tickets/{id}/status", ticket.id())
                .then().statusCode(400)
                .contentType("application/problem+json");
        as("ava").body(Map.of("text", "  "))
                .when().post("/api/v1/tickets/{id}/replies", ticket.id())
                .then().statusCode(400);
    }

    @Test
    void anAdminWithoutTheAgentRoleCannotReply() {
        FakeTicket ticket = avasTicket();
        as("ada").body(Map.of("text", "hello", "visibility", "PUBLIC"))
                .when().post("/api/v1/tickets/{id}/replies", ticket.id())
                .then().statusCode(403)
                .body("status", equalTo(403));
        assertThat(fake.callsTo(ticket.id() + "/replies")).isEmpty();
        as("ava").when().get("/api/v1/tickets/{id}", "not-a-uuid")
                .then().statusCode(404);
        as("ava").when().get("/api/v1/tickets/{id}", UUID.randomUUID())
                .then().statusCode(404).body("detail", containsString("There is no ticket"));
        assertThat(fake.callsTo("/replies").stream().filter(c -> c.username().equals("ada")).toList()).isEmpty();
    }
}
