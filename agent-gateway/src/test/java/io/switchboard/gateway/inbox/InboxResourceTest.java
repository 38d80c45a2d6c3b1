package io.switchboard.gateway.inbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.switchboard.events.routing.AssignmentDecided;
import io.switchboard.gateway.downstream.AssignedTickets;
import io.switchboard.gateway.testing.DemoAgents;
import io.switchboard.gateway.testing.FakeDownstream;
import io.switchboard.gateway.testing.FakeDownstreamResource;
import io.switchboard.gateway.testing.Kafka;
import io.switchboard.gateway.testing.LiveClient;
import io.switchboard.gateway.testing.LivePipeline;
import jakarta.inject.Inject;

/** The inbox: one call composing ticket-service's search (with the user's token) and routing's load. */
@QuarkusTest
class InboxResourceTest {

    private final FakeDownstream fake = FakeDownstreamResource.fake();

    @Inject
    AssignedTickets assigned;

    @BeforeEach
    void routingAsSeeded() {
        fake.demoRouting();
    }

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
        var resolved = fake.ticket().assignee(ava).status("RESOLVED").save();

        JsonPath inbox = given().auth().oauth2(DemoAgents.token("ava"))
                .when().get("/api/v1/inbox")
                .then().statusCode(200)
                .body("me.capacity", equalTo(4))
                .body("me.presence", equalTo("ONLINE"))
                .extract().jsonPath();

        List<String> ids = inbox.getList("tickets.id", String.class);
        List<String> mine = ids.stream().filter(id -> List.of(later.id().toString(), soon.id().toString(),
                sameDueHigher.id().toString(), noClock.id().toString()).contains(id)).toList();
        assertThat(mine).containsExactly(soon.id().toString(), later.id().toString(), sameDueHigher.id().toString(),
                noClock.id().toString());
        assertThat(ids).doesNotContain(someoneElses.id().toString(), resolved.id().toString());
        // What a row shows comes with ticket-service's list entries.
        int i = ids.indexOf(soon.id().toString());
        assertThat(inbox.getString("tickets[" + i + "].language")).isEqualTo("en");
        assertThat(inbox.getString("tickets[" + i + "].sentiment")).isEqualTo("NEGATIVE");
        assertThat(inbox.getString("tickets[" + i + "].intent")).isEqualTo("COMPLAINT");
        assertThat(inbox.getString("tickets[" + i + "].visibility")).isEqualTo("PUBLIC");
        assertThat(inbox.getString("tickets[" + i + "].customer.displayName")).isEqualTo("Casey Customer");
        assertThat(inbox.getString("tickets[" + i + "].customer.handle")).isEqualTo("@casey");
        assertThat(inbox.getString("tickets[" + i + "].customer.customerId")).isEqualTo(soon.customerId().toString());
        assertThat(Instant.parse(inbox.getString("tickets[" + i + "].slaDueAt"))).isBetween(now.plusSeconds(599), now.plusSeconds(601));
        assertThat(inbox.getString("tickets[" + ids.indexOf(noClock.id().toString()) + "].slaDueAt")).isNull();
        // ...so no ticket is read on its own: the list is the only call to ticket-service.
        assertThat(fake.callsTo("/ticket-service/api/v1/tickets/")).noneSatisfy(call -> assertThat(call.path())
                .containsAnyOf(later.id().toString(), soon.id().toString(), sameDueHigher.id().toString(),
                        noClock.id().toString()));
        // The search as ticket-service takes it, with ava's own token, not a gateway credential.
        assertThat(fake.callsTo("/ticket-service/api/v1/tickets")).anySatisfy(call -> {
            assertThat(call.method()).isEqualTo("GET");
            assertThat(call.path()).endsWith("/api/v1/tickets");
            assertThat(URLDecoder.decode(call.query(), StandardCharsets.UTF_8))
                    .contains("status=NEW,OPEN,REOPENED,PENDING_CUSTOMER", "assignee=me", "limit=100");
            assertThat(call.username()).isEqualTo("ava");
        });
        assertThat(fake.callsTo("/agents/me")).anySatisfy(call -> assertThat(call.username()).isEqualTo("ava"));
    }

    @Test
    void theInboxStillLoadsWhenRoutingIsDownOrHasNotSeenTheAgent() {
        var ticket = fake.ticket().assignee(DemoAgents.subject("ava")).save();
        fake.routingDown(true);
        JsonPath inbox = given().auth().oauth2(DemoAgents.token("ava"))
                .when().get("/api/v1/inbox")
                .then().statusCode(200)
                .body("me", nullValue())
                .extract().jsonPath();
        assertThat(inbox.getList("tickets.id", String.class)).contains(ticket.id().toString());

        // routing-service answers 404 until the agent's first presence event reached it.
        fake.routingDown(false);
        fake.setAgents(FakeDownstream.json().createArrayNode());
        given().auth().oauth2(DemoAgents.token("ava"))
                .when().get("/api/v1/inbox")
                .then().statusCode(200)
                .body("me", nullValue());
    }

    @Test
    void aTicketRoutingJustGaveMeIsInMyInboxBeforeTicketServiceListsIt() {
        String ava = DemoAgents.subject("ava");
        try (LiveClient live = LiveClient.connect(URI.create("http://localhost:" + RestAssured.port), DemoAgents.token("ava"))) {
            LivePipeline.awaitLive(live, ava);
            // ticket-service has not processed routing's decision yet: the ticket is nobody's there.
            var fresh = fake.ticket().save();
            Kafka.publish(AssignmentDecided.of(fresh.id(), ava, "customer-care", "customer-care",
                    AssignmentDecided.Reason.BEST_FIT, null), LivePipeline.ROUTING);
            live.await(LiveClient.ofType("assignment", fresh.id()), Duration.ofSeconds(20));

            var listed = fake.ticket().assignee(ava).save();

            JsonPath inbox = given().auth().oauth2(DemoAgents.token("ava"))
                    .when().get("/api/v1/inbox")
                    .then().statusCode(200)
                    .body("tickets.id", hasItem(fresh.id().toString()))
                    .extract().jsonPath();
            int i = inbox.getList("tickets.id", String.class).indexOf(fresh.id().toString());
            assertThat(inbox.getString("tickets[" + i + "].customer.displayName")).isEqualTo("Casey Customer");
            // Only the ticket the list does not have yet is read in full.
            assertThat(fake.callsTo("/ticket-service/api/v1/tickets/" + fresh.id())).singleElement()
                    .satisfies(call -> assertThat(call.username()).isEqualTo("ava"));
            assertThat(fake.callsTo("/ticket-service/api/v1/tickets/" + listed.id())).isEmpty();
        }
    }

    @Test
    void allMyTicketsAreFoundPageByPage() {
        String mateo = DemoAgents.subject("mateo");
        List<String> created = IntStream.range(0, 103)
                .mapToObj(n -> fake.ticket().assignee(mateo).team("tech-support").save().id().toString()).toList();

        var found = assigned.of("Bearer " + DemoAgents.token("mateo")).await().indefinitely();

        assertThat(found.stream().map(t -> t.id().toString()).toList()).containsAll(created).doesNotHaveDuplicates();
        assertThat(fake.callsTo("/api/v1/tickets").stream().filter(c -> c.username().equals("mateo")
                && c.query().contains("cursor="))).isNotEmpty();
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
