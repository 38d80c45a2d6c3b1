package io.switchboard.routing.assignment;

import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.events.agent.AgentPresenceChanged.Cause;
import io.switchboard.events.agent.Presence;
import io.switchboard.routing.infra.ApiTest;
import io.switchboard.routing.testing.Scenario;

/** Supervisors' transfers over REST, scoped to their teams, with real tokens. */
@QuarkusTest
class TransferResourceTest extends ApiTest {

    @Test
    void aSupervisorTransfersATicketOfTheirTeamToAnAgentThenToAQueue() {
        Scenario s = scenario();
        String parked = s.queueOfTeam("parked", "customer-care", "a-skill-nobody-has").id();
        String agent = s.agentInTeams("agent", List.of("customer-care"), Set.of(), Set.of("en"), 2);
        s.presence(agent, List.of(), Presence.AWAY, Cause.STATUS_CHANGE);
        UUID ticket = s.open();
        Scenario.await(s.routing.transfers().toQueue(ticket, parked, null));

        as("sam").body(Map.of("agentId", agent)).post("/api/v1/tickets/" + ticket + "/transfer").then().statusCode(200)
                .body("status", equalTo("ASSIGNED")).body("agentId", equalTo(agent)).body("queueId", equalTo(parked));
        as("sam").body(Map.of("agentId", agent)).post("/api/v1/tickets/" + ticket + "/transfer").then().statusCode(409)
                .contentType("application/problem+json");
        as("sam").body(Map.of("queueId", parked)).post("/api/v1/tickets/" + ticket + "/transfer").then().statusCode(200)
                .body("status", equalTo("WAITING")).body("agentId", equalTo(null));
    }

    @Test
    void aTicketOutsideTheSupervisorsTeamsIsNotFoundForThemButAdminsCanMoveIt() {
        Scenario s = scenario();
        String agent = s.agent("agent", "care", 2);
        s.presence(agent, List.of(), Presence.AWAY, Cause.STATUS_CHANGE);
        UUID ticket = s.open();
        as("sam").body(Map.of("agentId", agent)).post("/api/v1/tickets/" + ticket + "/transfer").then().statusCode(404);
        as("ada").body(Map.of("agentId", agent)).post("/api/v1/tickets/" + ticket + "/transfer").then().statusCode(200)
                .body("agentId", equalTo(agent));
    }

    @Test
    void transfersNeedTheRoleAndExactlyOneTarget() {
        UUID ticket = UUID.randomUUID();
        as("ava").body(Map.of("queueId", "customer-care")).post("/api/v1/tickets/" + ticket + "/transfer").then().statusCode(403);
        as("sam").body(Map.of()).post("/api/v1/tickets/" + ticket + "/transfer").then().statusCode(400)
                .contentType("application/problem+json");
        as("sam").body(Map.of("agentId", "a", "queueId", "q")).post("/api/v1/tickets/" + ticket + "/transfer")
                .then().statusCode(400);
        as("sam").body(Map.of("queueId", "customer-care")).post("/api/v1/tickets/" + ticket + "/transfer").then().statusCode(404);
        as("sam").body(Map.of("queueId", "customer-care")).post("/api/v1/tickets/not-a-uuid/transfer").then().statusCode(404);
    }
}
