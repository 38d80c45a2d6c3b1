package io.switchboard.routing.queue;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.events.SwitchboardEvent;
import io.switchboard.events.agent.AgentPresenceChanged.Cause;
import io.switchboard.events.agent.Presence;
import io.switchboard.events.ticket.Priority;
import io.switchboard.routing.infra.ApiTest;
import io.switchboard.routing.testing.Scenario;

/** Queue status and queue definitions over REST with real tokens. */
@QuarkusTest
class QueueResourceTest extends ApiTest {

    @Test
    void aSupervisorSeesDepthOldestWaitPriorityMixAndAgentsOfTheirTeamsQueues() {
        Scenario s = scenario();
        String queue = s.queueOfTeam("parked", "customer-care", "a-skill-nobody-has").id();
        String agent = s.agentInTeams("agent", List.of("customer-care"), Set.of(), Set.of("en"), 3);
        s.presence(agent, List.of(), Presence.AWAY, Cause.STATUS_CHANGE);
        Scenario.await(s.routing.transfers().toQueue(s.open(s.opened(null, Priority.URGENT, "en",
                SwitchboardEvent.now().minusSeconds(120), null, null, null)), queue, null));
        Scenario.await(s.routing.transfers().toQueue(s.open(), queue, null));

        as("sam").get("/api/v1/queues").then().statusCode(200)
                .body("id", hasItems("customer-care", "tech-support", "escalations", queue))
                .body("id", not(hasItem(s.id("cc"))));
        as("sam").get("/api/v1/queues/" + queue).then().statusCode(200)
                .body("team", equalTo("customer-care"))
                .body("depth", equalTo(2))
                .body("oldestWaitSeconds", greaterThanOrEqualTo(119))
                .body("waitingByPriority.URGENT", equalTo(1))
                .body("waitingByPriority.NORMAL", equalTo(1))
                .body("waitingByPriority.LOW", equalTo(0))
                .body("agents.id", hasItem(agent))
                .body("agents.find { it.id == '" + agent + "' }.presence", equalTo("AWAY"))
                .body("agents.find { it.id == '" + agent + "' }.capacity", equalTo(3));
        as("sam").get("/api/v1/queues/" + s.id("cc")).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void anEmptyQueueHasNoOldestWait() {
        Scenario s = scenario();
        String queue = s.queueOfTeam("empty", "tech-support").id();
        as("sam").get("/api/v1/queues/" + queue).then().statusCode(200)
                .body("depth", equalTo(0)).body("oldestWaitSeconds", nullValue());
    }

    @Test
    void agentsCannotSeeQueuesAndOnlyAdminsDefineThem() {
        as("ava").get("/api/v1/queues").then().statusCode(403);
        as("sam").body(Map.of("name", "x", "team", "customer-care")).put("/api/v1/queues/sam-made").then().statusCode(403);
    }

    @Test
    void anAdminDefinesAQueueAndItsOverflow() {
        Scenario s = scenario();
        String id = s.id("new-q");
        as("ada").body(Map.of("name", "New queue", "team", s.id("team"), "requiredSkills", List.of("billing"),
                "overflowQueueId", s.id("cc"), "overflowAfterSeconds", 600)).put("/api/v1/queues/" + id)
                .then().statusCode(200).body("id", equalTo(id)).body("requiredSkills", equalTo(List.of("billing")));
        Queue saved = Scenario.await(s.routing.transactions().read(c -> s.routing.queues().all(c))).get(id);
        org.assertj.core.api.Assertions.assertThat(saved.overflowQueueId()).isEqualTo(s.id("cc"));
        org.assertj.core.api.Assertions.assertThat(saved.overflowAfter()).hasSeconds(600);

        as("ada").body(Map.of("name", "Bad", "team", "t", "overflowQueueId", "no-such-queue", "overflowAfterSeconds", 60))
                .put("/api/v1/queues/" + s.id("bad")).then().statusCode(400).contentType("application/problem+json");
        as("ada").body(Map.of("name", "Bad", "team", "t", "overflowQueueId", s.id("cc")))
                .put("/api/v1/queues/" + s.id("bad")).then().statusCode(400);
        as("ada").body(Map.of("name", "Esc", "team", "customer-care")).put("/api/v1/queues/escalations")
                .then().statusCode(400);
        as("ada").body(Map.of("name", "Bad id", "team", "t")).put("/api/v1/queues/has space").then().statusCode(400);
    }
}
