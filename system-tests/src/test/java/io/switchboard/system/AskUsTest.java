package io.switchboard.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;
import io.switchboard.platform.Service;
import io.switchboard.platform.testing.DemoUsers;
import io.switchboard.platform.testing.DemoUsers.DemoUser;
import io.switchboard.system.harness.SystemStack;
import io.switchboard.system.support.RecordedConversations;

/**
 * Someone without a social account asks through the public "ask us" form; the answer reaches them
 * the way the form promises: on their secret follow-up page.
 */
class AskUsTest extends EndToEndTest {

    AskUsTest(SystemStack stack) {
        super(stack);
    }

    @Test
    void aQuestionBecomesAnAssignedTicketAndThePrivateAnswerIsOnTheFollowUpPage() {
        String question = RecordedConversations.get(70).customerTurns().get(0).text().replaceFirst("^@\\S+\\s*", "");
        JsonPath received = given().baseUri(url(Service.MENTION)).contentType("application/json")
                .body(Map.of("email", "jo." + UUID.randomUUID() + "@example.com", "name", "Jo", "message", question))
                .post("/api/v1/ask").then().statusCode(201).extract().jsonPath();
        String reference = received.getString("reference");
        String followUp = received.getString("followUpUrl");

        UUID ticket = trail.awaitOneTicketFor(List.of(reference));
        DemoUser agent = assertAssignedToOnlineAgentOf(ticket, DemoUsers.TEAM_CUSTOMER_CARE);
        assertThat(trail.ticket(ticket).getString("channel")).isEqualTo("ASK_US");

        String answer = "Sorry about your AirPods! Put them in the case for 30 seconds, then hold the setup button until the light flashes.";
        replyThroughGateway(ticket, agent, answer, "PRIVATE");

        trail.awaitReplyDelivery(ticket, "DELIVERED");
        assertGatewayShowsReply(ticket, agent, "DELIVERED");
        JsonPath page = given().accept("application/json").get(followUp).then().statusCode(200).extract().jsonPath();
        assertThat(page.getString("reference")).isEqualTo(reference);
        assertThat(page.getList("answers.text", String.class)).singleElement().asString().startsWith(answer);
    }
}
