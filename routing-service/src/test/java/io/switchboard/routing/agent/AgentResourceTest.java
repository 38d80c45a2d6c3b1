package io.switchboard.routing.agent;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.events.agent.AgentPresenceChanged;
import io.switchboard.events.agent.Presence;
import io.switchboard.routing.Routing;
import io.switchboard.routing.infra.ApiTest;
import io.switchboard.routing.testing.Scenario;
import jakarta.inject.Inject;

/** Agents over REST with real tokens: own load, supervisors' view, admins' changes, problem details. */
@QuarkusTest
class AgentResourceTest extends ApiTest {

    @Inject
    Routing routing;

    /** ava signs in (away, so she takes none of the shared database's real tickets). */
    private String avaSignedIn() {
        String subject = subjectOf("ava");
        Scenario.await(routing.presence().apply(AgentPresenceChanged.of(subject, "Ava Lindqvist", List.of("customer-care"),
                Presence.AWAY, null, AgentPresenceChanged.Cause.SIGN_IN)));
        return subject;
    }

    /**
     * Other services' tests share the platform and may sign the demo users in and out meanwhile, so
     * this checks the answer against itself and the database, not against a presence set here.
     */
    @Test
    void anAgentSeesTheirOwnLoad() {
        String subject = avaSignedIn();
        Agent ava = Scenario.await(routing.transactions().read(c -> routing.agents().find(c, subject))).orElseThrow();
        var me = as("ava").get("/api/v1/agents/me").then().statusCode(200)
                .body("agentId", equalTo(subject))
                .body("capacity", equalTo(ava.capacity()))
                .extract().jsonPath();
        int load = me.getInt("load");
        org.assertj.core.api.Assertions.assertThat(me.getList("tickets")).hasSize(load);
        org.assertj.core.api.Assertions.assertThat(me.getInt("free")).isEqualTo(ava.capacity() - load);
        org.assertj.core.api.Assertions.assertThat(load).isBetween(0, ava.capacity());
    }

    @Test
    void anAgentWithATicketSeesItInTheirLoad() {
        Scenario s = scenario();
        String subject = avaSignedIn();
        String parked = s.queueOfTeam("parked", "customer-care", "a-skill-nobody-has").id();
        java.util.UUID ticket = s.open();
        Scenario.await(s.routing.transfers().toQueue(ticket, parked, null));
        Agent ava = Scenario.await(routing.transactions().read(c -> routing.agents().find(c, subject))).orElseThrow();
        if (!ava.hasFreeCapacity()) {
            // Shared platform: other tests may have signed ava in, and she may have taken real tickets.
            Scenario.await(routing.agentAdmin().change(subject, new AgentAdmin.ProfileChange(null, null, ava.load() + 1, null),
                    "test"));
        }
        Scenario.await(routing.transfers().toAgent(ticket, subject, null));
        try {
            as("ava").get("/api/v1/agents/me").then().statusCode(200)
                    .body("tickets.ticketId", hasItem(ticket.toString()))
                    .body("tickets.find { it.ticketId == '" + ticket + "' }.queueId", equalTo(parked))
                    .body("tickets.find { it.ticketId == '" + ticket + "' }.answered", equalTo(false));
        } finally {
            Scenario.await(routing.transfers().toQueue(ticket, s.id("cc"), null));
        }
    }

    @Test
    void theDemoAgentsAreSeededWhenTheyFirstAppear() {
        String subject = avaSignedIn();
        as("ada").get("/api/v1/agents/" + subject).then().statusCode(200)
                .body("username", equalTo("ava"))
                .body("teams", equalTo(List.of("customer-care")))
                .body("languages", equalTo(List.of("en")))
                .body("skills", hasItem("billing"));
    }

    @Test
    void anAgentCannotSeeOrChangeOthers() {
        as("ava").get("/api/v1/agents").then().statusCode(403);
        as("ava").body(Map.of("capacity", 9)).patch("/api/v1/agents/" + subjectOf("ava")).then().statusCode(403);
        given().get("/api/v1/agents/me").then().statusCode(401);
    }

    @Test
    void anAdminSetsSkillsLanguagesAndCapacity() {
        Scenario s = scenario();
        String agent = s.agent("a", "care", 2);
        as("ada").body(Map.of("skills", List.of("billing", "refunds"), "languages", List.of("en-GB", "pt"), "capacity", 5))
                .patch("/api/v1/agents/" + agent).then().statusCode(200)
                .body("skills", equalTo(List.of("billing", "refunds")))
                .body("languages", equalTo(List.of("en", "pt")))
                .body("capacity", equalTo(5))
                .body("supervisor", equalTo(false));
    }

    @Test
    void badChangesAreRefusedWithProblemDetails() {
        Scenario s = scenario();
        String agent = s.agent("a", "care", 1);
        s.online(agent);
        s.open();
        as("ada").body(Map.of("capacity", 101)).patch("/api/v1/agents/" + agent).then().statusCode(400)
                .contentType("application/problem+json").body("status", equalTo(400))
                .body("detail", containsString("capacity"));
        as("ada").body(Map.of("languages", List.of("<script>"))).patch("/api/v1/agents/" + agent).then().statusCode(400)
                .body("detail", containsString("language"));
        as("ada").body(Map.of("capacity", 0)).patch("/api/v1/agents/" + agent).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("holds 1"));
        as("ada").body(Map.of("capacity", 2)).patch("/api/v1/agents/no-such-agent").then().statusCode(404)
                .contentType("application/problem+json");
        as("ada").body("{\"capacity\": \"lots\"").patch("/api/v1/agents/" + agent).then().statusCode(400)
                .contentType("application/problem+json");
        // JSON of the wrong shape: the kit's problem names the field, and never echoes what was sent.
        as("ada").body("{\"capacity\": \"lots\"}").patch("/api/v1/agents/" + agent).then().statusCode(400)
                .contentType("application/problem+json").body("status", equalTo(400))
                .body("detail", containsString("at field capacity")).body("detail", not(containsString("lots")));
    }

    @Test
    void aSupervisorSeesTheAgentsOfTheirTeamsOnly() {
        Scenario s = scenario();
        String inCare = s.agentInTeams("care", List.of("customer-care"), Set.of(), Set.of("en"), 2);
        String elsewhere = s.agent("elsewhere", "elsewhere", 2);
        as("sam").get("/api/v1/agents").then().statusCode(200)
                .body("id", hasItem(inCare))
                .body("id", not(hasItem(elsewhere)));
        as("sam").get("/api/v1/agents/" + elsewhere).then().statusCode(404);
        as("ada").get("/api/v1/agents/" + elsewhere).then().statusCode(200);
    }
}
