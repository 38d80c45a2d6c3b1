package io.switchboard.ticket.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.events.Topics;
import io.switchboard.events.routing.AssignmentDecided;
import io.switchboard.ticket.testing.Api;
import io.switchboard.ticket.testing.Mentions;
import io.switchboard.ticket.testing.TestDb;
import io.switchboard.ticket.testing.TestEvents;
import jakarta.inject.Inject;

/**
 * A ticket routing-service escalated to its escalation team (`supervisors`, which is no Keycloak
 * group) is the supervisors' to see and work on, with real tokens; agents of the ticket's former
 * team no longer see it.
 */
@QuarkusTest
class EscalatedTicketAccessTest {

    private static TestEvents routingService;

    @Inject
    Api api;

    @Inject
    TestDb db;

    @BeforeAll
    static void connect() {
        routingService = new TestEvents(Topics.ROUTING_SERVICE);
    }

    @AfterAll
    static void disconnect() {
        routingService.close();
    }

    @Test
    void supervisorsSeeAndWorkOnEscalatedTicketsAndAgentsGet404() {
        String token = Mentions.unique("escalated");
        UUID ticket = api.careTicket("Your product burned my kitchen " + token);
        routingService.publish(AssignmentDecided.of(ticket, "supervisor-" + UUID.randomUUID(), "escalations",
                "supervisors", AssignmentDecided.Reason.ESCALATION, null));
        TestDb.eventually(() -> "supervisors".equals(db.ticket(ticket).get("team")) ? true : null);

        api.as("sam").get("/api/v1/tickets/{id}", ticket).then().statusCode(200).body("team", equalTo("supervisors"));
        assertThat(TicketApiTest.ids(api.as("sam").queryParam("q", token).get("/api/v1/tickets")))
                .containsExactly(ticket);
        assertThat(TicketApiTest.ids(api.as("sam").queryParam("q", token).queryParam("team", "supervisors")
                .get("/api/v1/tickets"))).containsExactly(ticket);
        api.as("sam").body("{\"text\":\"Calling them now.\"}").post("/api/v1/tickets/{id}/notes", ticket)
                .then().statusCode(200);
        api.as("sam").body("{\"priority\":\"URGENT\"}").put("/api/v1/tickets/{id}/priority", ticket)
                .then().statusCode(200).body("priority", equalTo("URGENT"));

        // Ava (agent of customer-care, where the ticket came from) has no supervisor role.
        api.as("ava").get("/api/v1/tickets/{id}", ticket).then().statusCode(404)
                .body("type", equalTo("urn:switchboard:problem:ticket-not-found"));
        api.as("ava").body("{\"text\":\"psst\"}").post("/api/v1/tickets/{id}/notes", ticket).then().statusCode(404);
        assertThat(TicketApiTest.ids(api.as("ava").queryParam("q", token).get("/api/v1/tickets"))).isEmpty();
        assertThat(TicketApiTest.ids(api.as("ava").queryParam("q", token).queryParam("team", "supervisors")
                .get("/api/v1/tickets"))).isEmpty();
        api.as("ada").get("/api/v1/tickets/{id}", ticket).then().statusCode(200);
    }
}
