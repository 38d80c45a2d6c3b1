package io.switchboard.gateway.inbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.switchboard.gateway.testing.DemoAgents;
import io.switchboard.gateway.testing.FakeDownstream;
import io.switchboard.gateway.testing.FakeDownstreamResource;

/** The inbox: one call composing ticket-service's list (with the user's token) and routing's load. */
@QuarkusTest
class InboxResourceTest {

    private final FakeDownstream fake = FakeDownstreamResource.fake();

    @AfterEach
    void routingBack() {
        fake.routingDown(false);
    }

    @Test
    void myTicketsComeMostUrgentFirstWithMyLoad() {
        String ava = DemoAgents.subject("ava");
        Instant now = Instant.now();
        var later = fake.ticket().assignee(ava).slaDueAt(now.plusSeconds(3600)).priority("URGENT").save();
        var soon = fake.ticket().assignee(ava).slaDueAt(now.plusSeconds(600)).priority("LOW").save();
        var sameDueHigher = fake.ticket().assignee(ava).slaDueAt(now.plusSeconds(3600)).priority("HIGH").save();
        var noClock = fake.ticket().assignee(ava).slaDueAt(null).priority("URGENT").save();
        var someoneElses = fake.ticket().assignee(DemoAgents.subject("sam")).save();

        JsonPath inbox = given().auth().oauth2(DemoAgents.token("ava"))
                .when().get("/api/v1/inbox")
                .then().statusCode(200)
                .body("me.capacity", equalTo(5))
                .extract().jsonPath();

        List<String> ids = inbox.getList("tickets.id", String.class);
        List<String> mine = ids.stream().filter(id -> List.of(later.id().toString(), soon.id().toString(),
                sameDueHigher.id().toString(), noClock.id().toString()).contains(id)).toList();
        assertThat(mine).containsExactly(soon.id().toString(), later.id().toString(), sameDueHigher.id().toString(),
                noClock.id().toString());
        assertThat(ids).doesNotContain(someoneElses.id().toString());
        // The calls carried ava's own token, not a gateway credential.
        assertThat(fake.callsTo("/tickets")).anySatisfy(call -> assertThat(call.username()).isEqualTo("ava"));
        assertThat(fake.callsTo("/agents/me")).anySatisfy(call -> assertThat(call.username()).isEqualTo("ava"));
    }

    @Test
    void theInboxStillLoadsWhenRoutingIsDown() {
        var ticket = fake.ticket().assignee(DemoAgents.subject("ava")).save();
        fake.routingDown(true);

        JsonPath inbox = given().auth().oauth2(DemoAgents.token("ava"))
                .when().get("/api/v1/inbox")
                .then().statusCode(200)
                .body("me", nullValue())
                .extract().jsonPath();
        assertThat(inbox.getList("tickets.id", String.class)).contains(ticket.id().toString());
    }

    @Test
    void onlyAgentsHaveAnInbox() {
        given().auth().oauth2(DemoAgents.token("ada"))
                .when().get("/api/v1/inbox")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403));
        given().when().get("/api/v1/inbox").then().statusCode(401).contentType("application/problem+json");
    }
}
