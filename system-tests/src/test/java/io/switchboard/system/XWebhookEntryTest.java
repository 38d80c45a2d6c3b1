package io.switchboard.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.switchboard.fakes.FakeXServer;
import io.switchboard.platform.Service;
import io.switchboard.platform.testing.DemoUsers;
import io.switchboard.platform.testing.DemoUsers.DemoUser;
import io.switchboard.system.harness.SystemStack;
import io.switchboard.system.support.RecordedConversations;
import io.switchboard.system.support.RecordedConversations.Conversation;
import io.switchboard.system.support.XCustomer;

/** A customer's post arriving as X delivers it to a registered webhook (Account Activity), answered on X. */
class XWebhookEntryTest extends EndToEndTest {

    private static final String WEBHOOK = "/api/v1/channels/x/webhook";

    XWebhookEntryTest(SystemStack stack) {
        super(stack);
    }

    @Test
    void xsCrcChallengeIsAnsweredWithTheConsumerSecret() {
        String token = UUID.randomUUID().toString();
        given().baseUri(url(Service.MENTION)).queryParam("crc_token", token).get(WEBHOOK)
                .then().statusCode(200)
                .body("response_token", equalTo(FakeXServer.webhookSignature(token.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void aSignedAccountActivityPostBecomesAnAssignedTicketAndTheReplyReachesX() {
        Conversation recorded = RecordedConversations.get(31);
        XCustomer customer = new XCustomer(stack.fakeX(), recorded);
        byte[] event = customer.accountActivityPost(recorded.customerTurns().get(0).text());

        given().baseUri(url(Service.MENTION)).contentType("application/json")
                .header(FakeXServer.WEBHOOK_SIGNATURE_HEADER, "sha256=" + "A".repeat(44)).body(event).post(WEBHOOK)
                .then().statusCode(401);
        given().baseUri(url(Service.MENTION)).contentType("application/json")
                .header(FakeXServer.WEBHOOK_SIGNATURE_HEADER, FakeXServer.webhookSignature(event)).body(event).post(WEBHOOK)
                .then().statusCode(200);

        UUID ticket = trail.awaitOneTicketFor(customer.posts());
        DemoUser agent = assertAssignedToOnlineAgentOf(ticket, DemoUsers.TEAM_CUSTOMER_CARE);

        String answer = recorded.agentTurns().get(0).text();
        replyThroughGateway(ticket, agent, answer, "PUBLIC");

        trail.awaitReplyDelivery(ticket, "DELIVERED");
        List<JsonNode> posts = xReceived("POST", "/2/tweets").stream()
                .filter(post -> post.path("reply").path("in_reply_to_tweet_id").asText().equals(customer.lastPost())).toList();
        assertThat(posts).as("POST /2/tweets in reply to the customer's post").hasSize(1);
        assertThat(posts.get(0).path("text").asText()).startsWith(answer);
        assertGatewayShowsReply(ticket, agent, "DELIVERED");
    }
}
