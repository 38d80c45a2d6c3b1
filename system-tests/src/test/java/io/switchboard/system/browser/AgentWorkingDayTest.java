package io.switchboard.system.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.path.json.JsonPath;
import io.switchboard.platform.testing.DemoUsers;
import io.switchboard.system.harness.SystemStack;
import io.switchboard.system.support.RecordedConversations;
import io.switchboard.system.support.RecordedConversations.Conversation;
import io.switchboard.system.support.XCustomer;

/**
 * Ava's day in the real app: she signs in on Keycloak's page, customers' recorded posts on X become
 * tickets in her inbox while she watches (pushed over the WebSocket, no reload), she answers one
 * publicly from the composer, and the answer reaches X once and shows as delivered. Takes the
 * README's inbox and ticket screenshots.
 */
class AgentWorkingDayTest extends AgentAppTest {

    /** Recorded conversations already on her desk this morning: Apple TV, AirPods, Photoshop. */
    private static final List<Integer> MORNING = List.of(60, 70, 31);
    /** The one that arrives while she watches and that she answers (customer, agent, customer). */
    private static final int ARRIVING = 52;
    private static final ObjectMapper JSON = new ObjectMapper();

    AgentWorkingDayTest(SystemStack stack) {
        super(stack);
    }

    @Test
    void aMentionOnXArrivesLiveInTheInboxTheAgentAnswersPubliclyAndSeesItDelivered() {
        try (AgentApp ava = AgentApp.signInOnline(stack, DemoUsers.AVA_USER)) {
            shift.room(DemoUsers.AVA_USER, 6);
            assertThat(ava.browser().element(By.id("inbox-title")).getText()).isEqualTo("My tickets");
            assertThat(ava.inboxSize()).as("a new shift starts with an empty inbox").isZero();

            for (int conversation : MORNING) {
                UUID ticket = firstPostOf(customerOf(conversation), conversation);
                assertAssignedTo(ticket, DemoUsers.AVA_USER);
                ava.awaitInboxRow(ticket);
            }

            ava.browser().markPage();
            Conversation recorded = RecordedConversations.get(ARRIVING);
            XCustomer customer = customerOf(ARRIVING);
            UUID ticket = firstPostOf(customer, ARRIVING);
            assertAssignedTo(ticket, DemoUsers.AVA_USER);
            WebElement row = ava.awaitInboxRow(ticket);
            assertThat(ava.browser().stillSamePage()).as("the ticket was pushed into the page, not loaded by a reload").isTrue();
            assertThat(row.getText()).contains(trail.ticket(ticket).getString("reference"), customer.handle(), "New");
            assertThat(ava.inboxSize()).isEqualTo(MORNING.size() + 1);
            ava.screenshot("inbox");

            ava.openTicket(ticket);
            assertThat(ava.browser().element(By.id("ticket-title")).getText()).contains(trail.ticket(ticket).getString("reference"));
            String answer = recorded.agentTurns().get(0).text();
            ava.sendReply(answer).awaitReplyShown("DELIVERED");

            List<JsonNode> replies = repliesOnX(customer.lastPost());
            assertThat(replies).as("POST /2/tweets in reply to the customer's post").hasSize(1);
            assertThat(replies.get(0).path("text").asText()).isEqualTo(answer + " ^AL");
            JsonPath delivered = trail.awaitReplyDelivery(ticket, "DELIVERED");
            String postId = postIdOnX(customer.lastPost());
            assertThat(delivered.getString("messages.find { it.kind == 'AGENT_REPLY' }.delivery.externalPostId")).isEqualTo(postId);
            Awaitility.await("no second post").during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                    .until(() -> repliesOnX(customer.lastPost()).size() == 1);

            // The customer answers on X: it shows in the open conversation at once.
            customer.sawReply(postId);
            String followUp = recorded.customerTurns().get(1).text();
            customer.postOnStream(followUp);
            ava.awaitCustomerPosts(2);
            assertThat(ava.threadTexts()).hasSize(3).last().asString().endsWith(followUp.replaceFirst("^@\\S+\\s*", ""));
            assertThat(ava.browser().securityViolations()).isEmpty();
            ava.browser().windowSize(1280, 1100);
            ava.screenshot("ticket");
        }
    }

    /** The bodies of the POST /2/tweets the fake X received that answer this post of the customer. */
    private List<JsonNode> repliesOnX(String customerPost) {
        return stack.fakeX().requests("POST", "/2/tweets").stream().map(request -> json(request.body()))
                .filter(body -> body.path("reply").path("in_reply_to_tweet_id").asText().equals(customerPost)).toList();
    }

    /** The id X gave our answer to this post. */
    private String postIdOnX(String customerPost) {
        return stack.fakeX().posts().stream().filter(post -> post.path("referenced_tweets").path(0).path("id").asText().equals(customerPost))
                .map(post -> post.path("id").asText()).findFirst().orElseThrow();
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("the fake X received a body that is not JSON: " + body, e);
        }
    }
}
