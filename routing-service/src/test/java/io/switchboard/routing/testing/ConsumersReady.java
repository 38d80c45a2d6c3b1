package io.switchboard.routing.testing;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.switchboard.events.Actor;
import io.switchboard.events.CloudEventHeaders;
import io.switchboard.events.Topics;
import io.switchboard.events.agent.AgentPresenceChanged;
import io.switchboard.events.agent.Presence;
import io.switchboard.events.ticket.Priority;
import io.switchboard.events.ticket.TicketPriorityChanged;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The service's consumers read from "latest" in tests, so a test must not publish before they have
 * a position on every partition: probe events (that change nothing) are sent until both consumers
 * have processed one.
 */
public final class ConsumersReady {

    private static final String PROBE_AGENT = "routing-test-probe";
    private static volatile boolean ready;

    private ConsumersReady() {
    }

    public static synchronized void await(KafkaTestClient kafka, Pool pool) {
        if (ready) {
            return;
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            TicketPriorityChanged ticketProbe = TicketPriorityChanged.of(UUID.randomUUID(), Priority.LOW, Priority.NORMAL,
                    Actor.system("routing-test-probe"), null);
            AgentPresenceChanged agentProbe = AgentPresenceChanged.of(PROBE_AGENT, "probe", List.of(), Presence.OFFLINE, null,
                    AgentPresenceChanged.Cause.SIGN_OUT);
            kafka.publish(ticketProbe, CloudEventHeaders.sourceOf(Topics.TICKET_SERVICE));
            kafka.publish(agentProbe, CloudEventHeaders.sourceOf(Topics.AGENT_GATEWAY));
            for (int i = 0; i < 10; i++) {
                if (processed(pool, ticketProbe.eventId()) && processed(pool, agentProbe.eventId())) {
                    ready = true;
                    return;
                }
                sleep();
            }
        }
        throw new AssertionError("the routing-service consumers did not start reading within 90 s");
    }

    private static boolean processed(Pool pool, UUID eventId) {
        return Scenario.await(pool.preparedQuery("select 1 from processed_event where event_id = $1").execute(Tuple.of(eventId)))
                .rowCount() == 1;
    }

    private static void sleep() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
