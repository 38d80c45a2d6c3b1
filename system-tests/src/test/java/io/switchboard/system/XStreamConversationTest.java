package io.switchboard.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.restassured.path.json.JsonPath;
import io.switchboard.platform.testing.DemoUsers;
import io.switchboard.platform.testing.DemoUsers.DemoUser;
import io.switchboard.system.harness.SystemStack;
import io.switchboard.system.support.RecordedConversations;
import io.switchboard.system.support.RecordedConversations.Conversation;
import io.switchboard.system.support.XCustomer;

/** Customers on X, heard through the filtered stream, answered publicly and privately from the gateway. */
class XStreamConversationTest extends EndToEndTest {

    XStreamConversationTest(SystemStack stack) {
        super(stack);
    }

    @Test
    void everyCustomerTurnOfARecordedConversationIsOnOneTicketAssignedToAnOnlineAgentOfTheRightTeamAndLanguage() {
        Conversation recorded = RecordedConversations.get(0); // three posts by the customer, one by a bystander
        XCustomer customer = new XCustomer(stack.fakeX(), recorded);
        recorded.customerTurns().forEach(turn -> customer.postOnStream(turn.text()));

        UUID ticket = trail.awaitOneTicketFor(customer.posts());
        assertAssignedToOnlineAgentOf(ticket, DemoUsers.TEAM_CUSTOMER_CARE);

        JsonPath shown = trail.ticket(ticket);
        assertThat(shown.getList("messages.findAll { it.kind == 'CUSTOMER' }.externalId", String.class))
                .as("the customer's turns, each once, in order").containsExactlyElementsOf(customer.posts());
        assertThat(shown.getString("channel")).isEqualTo("X");
        assertThat(shown.getString("customer.handle")).isEqualTo(customer.handle());
    }

    @Test
    void anAgentsPublicReplyThroughTheGatewayIsPostedOnceInReplyToTheCustomersLastPostAndShownDelivered() {
        Conversation recorded = RecordedConversations.get(52); // customer, agent, customer
        XCustomer customer = new XCustomer(stack.fakeX(), recorded);
        customer.postOnStream(recorded.customerTurns().get(0).text());
        UUID ticket = trail.awaitOneTicketFor(customer.posts());
        DemoUser agent = assertAssignedToOnlineAgentOf(ticket, DemoUsers.TEAM_CUSTOMER_CARE);

        String answer = recorded.agentTurns().get(0).text();
        replyThroughGateway(ticket, agent, answer, "PUBLIC");

        JsonPath delivered = trail.awaitReplyDelivery(ticket, "DELIVERED");
        List<JsonNode> posts = repliesOnX(customer.lastPost());
        assertThat(posts).as("POST /2/tweets in reply to the customer's post").hasSize(1);
        assertThat(posts.get(0).path("text").asText()).startsWith(answer);
        String postId = postIdOnX(customer.lastPost());
        assertThat(delivered.getString("messages.find { it.kind == 'AGENT_REPLY' }.delivery.externalPostId")).isEqualTo(postId);
        assertGatewayShowsReply(ticket, agent, "DELIVERED");
        Awaitility.await("no second post").during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> repliesOnX(customer.lastPost()).size() == 1);

        // The customer answers our reply on X: the same conversation, the same ticket.
        customer.sawReply(postId);
        customer.postOnStream(recorded.customerTurns().get(1).text());
        assertThat(trail.awaitOneTicketFor(customer.posts())).isEqualTo(ticket);
    }

    @Test
    void aPrivateAnswerIsOneDirectMessageToTheCustomerAndShownDelivered() {
        Conversation recorded = RecordedConversations.get(60);
        XCustomer customer = new XCustomer(stack.fakeX(), recorded);
        customer.postOnStream(recorded.customerTurns().get(0).text());
        UUID ticket = trail.awaitOneTicketFor(customer.posts());
        DemoUser agent = assertAssignedToOnlineAgentOf(ticket, DemoUsers.TEAM_CUSTOMER_CARE);

        String answer = "Sorry to hear that. Which Apple TV model and app version do you have? We'll look into it with you here.";
        replyThroughGateway(ticket, agent, answer, "PRIVATE");

        trail.awaitReplyDelivery(ticket, "DELIVERED");
        List<JsonNode> messages = xReceived("POST", "/2/dm_conversations/with/" + customer.userId() + "/messages");
        assertThat(messages).as("one direct message to the customer").hasSize(1);
        assertThat(messages.get(0).path("text").asText()).startsWith(answer);
        assertThat(repliesOnX(customer.lastPost())).as("nothing public").isEmpty();
        assertGatewayShowsReply(ticket, agent, "DELIVERED");
    }

    private List<JsonNode> repliesOnX(String inReplyTo) {
        return xReceived("POST", "/2/tweets").stream()
                .filter(post -> post.path("reply").path("in_reply_to_tweet_id").asText().equals(inReplyTo)).toList();
    }

    private String postIdOnX(String inReplyTo) {
        return stack.fakeX().posts().stream()
                .filter(p -> p.path("referenced_tweets").path(0).path("id").asText().equals(inReplyTo))
                .map(p -> p.path("id").asText()).findFirst().orElseThrow();
    }
}
