package io.switchboard.system.browser;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.restassured.response.Response;
import io.switchboard.events.Actor;
import io.switchboard.events.CloudEventHeaders;
import io.switchboard.events.EventCodec;
import io.switchboard.events.Topics;
import io.switchboard.events.routing.AssignmentDecided;
import io.switchboard.events.ticket.TicketStatus;
import io.switchboard.events.ticket.TicketStatusChanged;
import io.switchboard.platform.Service;
import io.switchboard.platform.testing.DemoUsers.DemoUser;
import io.switchboard.system.harness.SystemStack;
import io.switchboard.system.support.GatewayAgent;
import io.switchboard.system.support.TopicTail;

/**
 * What earlier runs left in routing-service although ticket-service has finished it, or never had
 * it. The harness's services read every topic from its end when they start, so a ticket resolved
 * while no routing-service was reading (or while one lagged behind when its run stopped) still waits
 * in a routing queue; and the gateway's own tests publish made-up TicketOpened events on the shared
 * ticket-events topic, which a routing-service running at that moment queued as real tickets. Either
 * goes to the first demo agent who comes online, ahead of anything new. To drain it, the demo agents
 * sign in with room for all of it, and whatever routing gives them (or they still hold) is finished
 * again: through ticket-service when it knows the ticket (an open one resolved, a resolved one
 * closed), which routing hears this time; otherwise (unknown to ticket-service, or closed there
 * already) by the TicketStatusChanged to CLOSED that ticket-service never sent routing.
 */
final class RoutingBacklog {

    private static final int ROOM = 100;
    /** No new assignment for this long: routing has handed out what it could. */
    private static final Duration QUIET = Duration.ofSeconds(3);
    private static final int ROUNDS = 20;

    private final SystemStack stack;
    private final Shift shift;
    private KafkaProducer<String, byte[]> producer;

    RoutingBacklog(SystemStack stack, Shift shift) {
        this.stack = stack;
        this.shift = shift;
    }

    /** Drains the backlog the demo agents could be given; returns how many tickets it finished. */
    int drain(List<DemoUser> agents) {
        Set<String> subjects = new LinkedHashSet<>(agents.stream().map(DemoUser::subject).toList());
        Set<UUID> finished = new LinkedHashSet<>();
        List<GatewayAgent> online = new ArrayList<>();
        try (TopicTail decisions = TopicTail.fromEnd(stack.platform().kafkaBootstrapServers(), Topics.ROUTING_DECISIONS)) {
            for (DemoUser agent : agents) {
                online.add(GatewayAgent.signIn(stack.baseUrl(Service.GATEWAY), shift.tokens, agent));
                shift.awaitOnline(agent);
                shift.capacity(agent, ROOM);
            }
            for (int round = 0; round < ROUNDS; round++) {
                List<UUID> given = new ArrayList<>(untilQuiet(decisions, subjects).stream().map(AssignmentDecided::ticketId).toList());
                agents.forEach(agent -> given.addAll(held(agent)));
                given.removeAll(finished);
                if (given.isEmpty()) {
                    break;
                }
                List<UUID> notTicketServices = new LinkedHashSet<>(given).stream().filter(id -> !finishInTicketService(id)).toList();
                notTicketServices.forEach(this::publishClosed);
                finished.addAll(given);
            }
        } finally {
            online.forEach(GatewayAgent::close);
            if (producer != null) {
                producer.close(Duration.ofSeconds(5));
            }
        }
        return finished.size();
    }

    private List<AssignmentDecided> untilQuiet(TopicTail decisions, Set<String> subjects) {
        long quietSince = System.nanoTime();
        int seen = -1;
        List<AssignmentDecided> found = List.of();
        while (System.nanoTime() - quietSince < QUIET.toNanos()) {
            found = decisions.events(AssignmentDecided.class, d -> subjects.contains(d.agentId()));
            if (found.size() != seen) {
                seen = found.size();
                quietSince = System.nanoTime();
            }
        }
        return found;
    }

    /** The tickets routing-service says the agent holds (an answered one stays with them even offline). */
    private List<UUID> held(DemoUser agent) {
        return given().auth().oauth2(shift.tokens.token(agent.username())).get(stack.baseUrl(Service.ROUTING) + "/api/v1/agents/me")
                .then().statusCode(200).extract().jsonPath().getList("tickets.ticketId", String.class).stream().map(UUID::fromString).toList();
    }

    /**
     * Tells routing again, through ticket-service, that the ticket is done: resolves it if open,
     * closes it if resolved. False when ticket-service cannot (it does not know the ticket, or closed it).
     */
    private boolean finishInTicketService(UUID ticket) {
        Response shown = shift.ticketService().get("/api/v1/tickets/{id}", ticket);
        String next = switch (shown.statusCode() == 200 ? shown.<String>path("status") : "UNKNOWN") {
            case "NEW", "OPEN", "REOPENED", "PENDING_CUSTOMER" -> "RESOLVED";
            case "RESOLVED" -> "CLOSED";
            default -> null;
        };
        return next != null && shift.ticketService().contentType("application/json").body(Map.of("status", next))
                .put("/api/v1/tickets/{id}/status", ticket).statusCode() == 200;
    }

    /** The close ticket-service would have published for the ticket, on ticket-events, keyed and with CloudEvents headers as it does. */
    private void publishClosed(UUID ticket) {
        TicketStatusChanged closed = TicketStatusChanged.of(ticket, TicketStatus.NEW, TicketStatus.CLOSED,
                new Actor(Actor.Kind.SYSTEM, "system-tests"));
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.TICKET_EVENTS, closed.partitionKey(), EventCodec.encode(closed));
        CloudEventHeaders.of(closed, CloudEventHeaders.sourceOf(Topics.TICKET_SERVICE)).toMap()
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        try {
            producer().send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish the close of ticket " + ticket, e);
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.platform().kafkaBootstrapServers());
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }
}
