package io.switchboard.system.support;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.awaitility.Awaitility;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.switchboard.events.Topics;
import io.switchboard.events.routing.AssignmentDecided;
import io.switchboard.events.ticket.MessageAdded;
import io.switchboard.platform.Service;
import io.switchboard.platform.testing.DemoUsers;
import io.switchboard.platform.testing.KeycloakTokens;
import io.switchboard.system.harness.SystemStack;

/**
 * What happens to a customer's posts after they enter, as the rest of the system sees it: the
 * events on {@code ticket-events} and {@code routing-decisions} from the moment this was opened, and
 * ticket-service's REST view. {@link #close()} resolves the tickets it followed (as an administrator,
 * through ticket-service), so their agents' capacity is free for the next run.
 */
public final class TicketTrail implements AutoCloseable {

    /** The machine is shared and loaded: minutes, not seconds, before a test gives up. */
    public static final Duration PATIENCE = Duration.ofMinutes(3);

    private final SystemStack stack;
    private final KeycloakTokens tokens;
    private final TopicTail ticketEvents;
    private final TopicTail routingDecisions;
    private final Set<UUID> followed = new LinkedHashSet<>();

    public TicketTrail(SystemStack stack) {
        this.stack = stack;
        this.tokens = KeycloakTokens.forPlatform(stack.platform());
        this.ticketEvents = TopicTail.fromEnd(stack.platform().kafkaBootstrapServers(), Topics.TICKET_EVENTS);
        this.routingDecisions = TopicTail.fromEnd(stack.platform().kafkaBootstrapServers(), Topics.ROUTING_DECISIONS);
    }

    /**
     * Waits until every post (by its channel id) is a customer message on a ticket, and checks they
     * are all on one ticket, each once. Returns that ticket.
     */
    public UUID awaitOneTicketFor(Collection<String> externalIds) {
        List<MessageAdded> messages = ticketEvents.await(externalIds.size(), MessageAdded.class,
                m -> m.kind() == MessageAdded.Kind.CUSTOMER && externalIds.contains(m.externalId()), PATIENCE);
        assertThat(messages).extracting(MessageAdded::externalId).as("each post is one customer message")
                .containsExactlyInAnyOrderElementsOf(externalIds);
        assertThat(messages).extracting(MessageAdded::ticketId).as("every post of the conversation is on one ticket")
                .containsOnly(messages.get(0).ticketId());
        followed.add(messages.get(0).ticketId());
        return messages.get(0).ticketId();
    }

    /** The agent routing-service gave the ticket to. */
    public AssignmentDecided awaitAssignment(UUID ticketId) {
        return routingDecisions.awaitFirst(AssignmentDecided.class, d -> d.ticketId().equals(ticketId), PATIENCE);
    }

    /** Every assignment of the ticket read so far (after reading what has arrived). */
    public List<AssignmentDecided> assignments(UUID ticketId) {
        return routingDecisions.events(AssignmentDecided.class, d -> d.ticketId().equals(ticketId));
    }

    /** ticket-service's view of the ticket (as an administrator, who sees every team's). */
    public JsonPath ticket(UUID ticketId) {
        return ticketService().get("/api/v1/tickets/{id}", ticketId).then().statusCode(200).extract().jsonPath();
    }

    /** Waits until ticket-service shows the ticket's only agent reply with this delivery state; returns the ticket. */
    public JsonPath awaitReplyDelivery(UUID ticketId, String state) {
        return Awaitility.await("the reply " + state + " on ticket " + ticketId).atMost(PATIENCE).pollInterval(Duration.ofSeconds(1))
                .until(() -> ticket(ticketId), t -> state.equals(t.getString("messages.find { it.kind == 'AGENT_REPLY' }.delivery.state")));
    }

    /** Waits until the ticket shows the given number of messages of a kind. */
    public JsonPath awaitMessages(UUID ticketId, String kind, int count) {
        return Awaitility.await(count + " " + kind + " messages on ticket " + ticketId).atMost(PATIENCE).pollInterval(Duration.ofSeconds(1))
                .until(() -> ticket(ticketId), t -> t.getList("messages.findAll { it.kind == '" + kind + "' }").size() >= count);
    }

    private RequestSpecification ticketService() {
        return given().baseUri(stack.baseUrl(Service.TICKET)).auth().oauth2(tokens.token(DemoUsers.ADA));
    }

    @Override
    public void close() {
        List<RuntimeException> failures = new ArrayList<>();
        for (UUID ticket : followed) {
            try {
                ticketService().contentType("application/json").body(Map.of("status", "RESOLVED"))
                        .put("/api/v1/tickets/{id}/status", ticket);
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        ticketEvents.close();
        routingDecisions.close();
        if (!failures.isEmpty()) {
            System.out.println("[system] could not resolve every followed ticket: " + failures.get(0));
        }
    }
}
