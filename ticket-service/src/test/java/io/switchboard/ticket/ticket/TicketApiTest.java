package io.switchboard.ticket.ticket;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.switchboard.ticket.testing.Api;
import io.switchboard.ticket.testing.Mentions;
import jakarta.inject.Inject;

/** Reading tickets through the API with real tokens: scope by team and role, search, paging. */
@QuarkusTest
class TicketApiTest {

    @Inject
    Api api;

    @Test
    void aTicketIsShownWithItsConversationToItsTeamSupervisorsAndAdminsAndIsA404ForAnotherTeam() {
        UUID ticket = api.careTicket("My package arrived damaged");
        api.as("ava").get("/api/v1/tickets/{id}", ticket).then().statusCode(200)
                .body("id", equalTo(ticket.toString()))
                .body("reference", startsWith("SW-"))
                .body("status", equalTo("NEW"))
                .body("team", equalTo("customer-care"))
                .body("nextStatuses", hasItem("OPEN"))
                .body("messages", hasSize(1))
                .body("messages[0].kind", equalTo("CUSTOMER"))
                .body("messages[0].text", equalTo("My package arrived damaged"))
                .body("sla.clock", hasItem("FIRST_RESPONSE"))
                .body("customer.handle", startsWith("customer-"));
        api.as("sam").get("/api/v1/tickets/{id}", ticket).then().statusCode(200);
        api.as("ada").get("/api/v1/tickets/{id}", ticket).then().statusCode(200);
        api.as("mateo").get("/api/v1/tickets/{id}", ticket).then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("type", equalTo("urn:switchboard:problem:ticket-not-found"));
        // Changing it is just as impossible for the other team.
        api.as("mateo").body("{\"text\":\"psst\"}").post("/api/v1/tickets/{id}/notes", ticket).then().statusCode(404);
        given().get("/api/v1/tickets/{id}", ticket).then().statusCode(401);
    }

    @Test
    void anUnknownTicketIsA404ProblemAndTheAuditTrailShowsWhoDidWhat() {
        api.as("ada").get("/api/v1/tickets/{id}", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json").body("title", equalTo("Not Found"));
        UUID ticket = api.careTicket("Where is my refund?");
        api.as("ava").get("/api/v1/tickets/{id}/audit", ticket).then().statusCode(200)
                .body("action", hasItem("TICKET_OPENED"))
                .body("action", hasItem("MESSAGE_ADDED"))
                .body("[0].actorKind", equalTo("CUSTOMER"));
    }

    @Test
    void searchShowsEachCallerOnlyTheirTeamsTickets() {
        String token = Mentions.unique("scope");
        UUID care = api.careTicket("printer " + token);
        UUID tech = api.techTicket("router " + token);
        assertThat(ids(api.as("ava").queryParam("q", token).get("/api/v1/tickets"))).containsExactly(care);
        assertThat(ids(api.as("mateo").queryParam("q", token).get("/api/v1/tickets"))).containsExactly(tech);
        assertThat(ids(api.as("sam").queryParam("q", token).get("/api/v1/tickets"))).containsExactlyInAnyOrder(care, tech);
        assertThat(ids(api.as("ada").queryParam("q", token).get("/api/v1/tickets"))).containsExactlyInAnyOrder(care, tech);
        assertThat(ids(api.as("sam").queryParam("q", token).queryParam("team", "tech-support").get("/api/v1/tickets")))
                .containsExactly(tech);
    }

    @Test
    void aListEntryCarriesWhatAnInboxRowShows() {
        String customer = Mentions.unique("inbox");
        String token = Mentions.unique("row");
        UUID ticket = api.ticket(Api.CARE_BRAND, customer, "My parcel is lost " + token).ticketId();
        JsonPath detail = api.as("ava").get("/api/v1/tickets/{id}", ticket).then().statusCode(200).extract().jsonPath();
        Instant earliestDue = detail.getList("sla.dueAt", String.class).stream().map(Instant::parse)
                .min(Instant::compareTo).orElseThrow();

        JsonPath page = api.as("ava").queryParam("q", token).get("/api/v1/tickets").then().statusCode(200)
                .body("items", hasSize(1))
                // the fields lists always had
                .body("items[0].id", equalTo(ticket.toString()))
                .body("items[0].reference", equalTo(detail.getString("reference")))
                .body("items[0].status", equalTo("NEW"))
                .body("items[0].team", equalTo("customer-care"))
                .body("items[0].sla", equalTo("ON_TRACK"))
                .body("items[0].version", equalTo(detail.getInt("version")))
                // what an inbox row needs without a call per ticket (Mentions: triage en, COMPLAINT, NEGATIVE)
                .body("items[0].language", equalTo("en"))
                .body("items[0].intent", equalTo("COMPLAINT"))
                .body("items[0].sentiment", equalTo("NEGATIVE"))
                .body("items[0].visibility", equalTo("PUBLIC"))
                .body("items[0].customerName", equalTo(customer + " (name)"))
                .body("items[0].customerHandle", equalTo(customer))
                .extract().jsonPath();
        assertThat(Instant.parse(page.getString("items[0].slaDueAt"))).isEqualTo(earliestDue);

        // The first reply stops the first-response clock: the due time is the earliest of the clocks
        // still live, as the ticket in full shows them.
        api.as("ava").body("{\"text\":\"We are looking into it.\",\"visibility\":\"PRIVATE\"}")
                .post("/api/v1/tickets/{id}/replies", ticket).then().statusCode(200);
        JsonPath replied = api.as("ava").get("/api/v1/tickets/{id}", ticket).then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> clocks = replied.getList("sla");
        assertThat(clocks).anySatisfy(c -> assertThat(c.get("stoppedAt")).isNotNull());
        Instant liveDue = clocks.stream().filter(c -> c.get("stoppedAt") == null && c.get("dueAt") != null)
                .map(c -> Instant.parse((String) c.get("dueAt"))).min(Instant::compareTo).orElseThrow();
        String listedDue = api.as("ava").queryParam("q", token).get("/api/v1/tickets").then().statusCode(200)
                .extract().jsonPath().getString("items[0].slaDueAt");
        assertThat(Instant.parse(listedDue)).isEqualTo(liveDue).isNotEqualTo(earliestDue);

        // Pending the customer pauses every clock: nothing is due.
        api.as("ava").body("{\"status\":\"PENDING_CUSTOMER\"}").put("/api/v1/tickets/{id}/status", ticket).then()
                .statusCode(200);
        api.as("ava").queryParam("q", token).get("/api/v1/tickets").then().statusCode(200)
                .body("items[0].slaDueAt", nullValue())
                .body("items[0].customerHandle", equalTo(customer));
    }

    @Test
    void theOpenApiDocumentDescribesAListEntrysInboxFields() {
        JsonPath openApi = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        for (String field : List.of("language", "intent", "sentiment", "visibility", "customerName", "customerHandle",
                "slaDueAt")) {
            assertThat(openApi.getString("components.schemas.TicketSummary.properties." + field + ".description"))
                    .as(field).isNotBlank();
        }
        assertThat(openApi.getString("components.schemas.TicketSummary.properties.slaDueAt.description"))
                .contains("earliest running SLA clock");
    }

    @Test
    void filtersCombine() {
        String token = Mentions.unique("filter");
        UUID first = api.careTicket("first " + token);
        UUID second = api.careTicket("second " + token);
        api.as("ava").body("{\"status\":\"OPEN\"}").put("/api/v1/tickets/{id}/status", second).then().statusCode(200);
        api.as("ava").body("{\"tags\":[\"billing\"]}").put("/api/v1/tickets/{id}/tags", second).then().statusCode(200);

        assertThat(ids(api.as("ava").queryParam("q", token).queryParam("status", "NEW").get("/api/v1/tickets")))
                .containsExactly(first);
        assertThat(ids(api.as("ava").queryParam("q", token).queryParam("status", "NEW,OPEN").get("/api/v1/tickets")))
                .containsExactly(second, first);
        assertThat(ids(api.as("ava").queryParam("q", token).queryParam("tag", "billing").get("/api/v1/tickets")))
                .containsExactly(second);
        assertThat(ids(api.as("ava").queryParam("q", token).queryParam("channel", "X").queryParam("sla", "ON_TRACK")
                .queryParam("assignee", "none").get("/api/v1/tickets"))).containsExactly(second, first);
        assertThat(ids(api.as("ava").queryParam("q", token).queryParam("priority", "URGENT").get("/api/v1/tickets"))).isEmpty();
        api.as("ava").queryParam("status", "SLEEPING").get("/api/v1/tickets").then().statusCode(400)
                .contentType("application/problem+json");
        api.as("ava").queryParam("limit", 1000).get("/api/v1/tickets").then().statusCode(400);
        api.as("ava").queryParam("cursor", "not-a-cursor").get("/api/v1/tickets").then().statusCode(400);
    }

    @Test
    void cursorPagingStaysStableWhileTicketsArrive() {
        String token = Mentions.unique("paging");
        List<UUID> original = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            original.add(0, api.careTicket("page test " + i + " " + token)); // newest first
        }
        JsonPath first = page(token, null);
        assertThat(ids(first)).containsExactlyElementsOf(original.subList(0, 2));

        // Two tickets arrive between the pages: they are newer, so they never shift the pages being read.
        UUID late1 = api.careTicket("late " + token);
        UUID late2 = api.careTicket("later " + token);
        JsonPath second = page(token, first.getString("nextCursor"));
        assertThat(ids(second)).containsExactlyElementsOf(original.subList(2, 4));
        JsonPath third = page(token, second.getString("nextCursor"));
        assertThat(ids(third)).containsExactly(original.get(4));
        assertThat(third.getString("nextCursor")).isNull();

        assertThat(ids(page(token, null))).containsExactly(late2, late1);
    }

    private JsonPath page(String token, String cursor) {
        var request = api.as("ava").queryParam("q", token).queryParam("limit", 2);
        if (cursor != null) {
            request = request.queryParam("cursor", cursor);
        }
        return request.get("/api/v1/tickets").then().statusCode(200).extract().jsonPath();
    }

    static List<UUID> ids(io.restassured.response.Response response) {
        return ids(response.then().statusCode(200).extract().jsonPath());
    }

    static List<UUID> ids(JsonPath page) {
        return page.getList("items.id", String.class).stream().map(UUID::fromString).toList();
    }
}
