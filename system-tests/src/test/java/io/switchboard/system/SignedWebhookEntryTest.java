package io.switchboard.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.path.json.JsonPath;
import io.switchboard.platform.Service;
import io.switchboard.platform.testing.DemoUsers;
import io.switchboard.platform.testing.DemoUsers.DemoUser;
import io.switchboard.system.harness.SystemStack;
import io.switchboard.system.support.RecordedConversations;
import io.switchboard.system.support.RecordedConversations.Conversation;
import io.switchboard.system.support.SignedWebhook;

/**
 * A post from any other source through the generic signed webhook. Such a source cannot be answered
 * (mention-service has no way back to it): the agent's reply must come back as not delivered, with
 * the reason, never silently lost.
 */
class SignedWebhookEntryTest extends EndToEndTest {

    SignedWebhookEntryTest(SystemStack stack) {
        super(stack);
    }

    @Test
    void aSignedPostBecomesAnAssignedTicketAndAReplyShowsWhyItCannotBeDelivered() {
        Conversation recorded = RecordedConversations.get(6);
        String postId = "e2e-" + UUID.randomUUID();
        ObjectNode post = new ObjectMapper().createObjectNode().put("id", postId).put("text", recorded.customerTurns().get(0).text())
                .put("conversationId", postId).put("language", "en");
        post.putObject("author").put("id", "customer-" + UUID.randomUUID()).put("handle", recorded.customerHandle()).put("followers", 12);
        SignedWebhook webhook = new SignedWebhook(url(Service.MENTION), SystemStack.WEBHOOK_SOURCE, stack.webhookSecret());
        SignedWebhook forger = new SignedWebhook(url(Service.MENTION), SystemStack.WEBHOOK_SOURCE, "not-the-secret");

        long now = Instant.now().getEpochSecond();
        forger.post(post.toString(), now).then().statusCode(401);
        webhook.post(post.toString(), now).then().statusCode(202);
        webhook.post(post.toString(), now).then().statusCode(409); // the same signed request again: a replay
        webhook.post(post.toString(), now + 1).then().statusCode(200); // the sender's retry, signed anew: a duplicate

        UUID ticket = trail.awaitOneTicketFor(List.of(postId));
        DemoUser agent = assertAssignedToOnlineAgentOf(ticket, DemoUsers.TEAM_CUSTOMER_CARE);
        assertThat(trail.ticket(ticket).getString("channel")).isEqualTo("WEBHOOK");

        replyThroughGateway(ticket, agent, recorded.agentTurns().get(0).text(), "PUBLIC");

        JsonPath failed = trail.awaitReplyDelivery(ticket, "FAILED");
        assertThat(failed.getString("messages.find { it.kind == 'AGENT_REPLY' }.delivery.detail")).as("why, for the agent")
                .isNotBlank();
        assertGatewayShowsReply(ticket, agent, "FAILED");
    }
}
