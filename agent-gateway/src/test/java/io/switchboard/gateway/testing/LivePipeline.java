package io.switchboard.gateway.testing;

import java.time.Duration;
import java.util.UUID;

import io.switchboard.events.CloudEventHeaders;
import io.switchboard.events.Topics;
import io.switchboard.events.routing.AssignmentDecided;
import io.switchboard.events.ticket.MessageAdded;

/**
 * The gateway reads both topics from the latest offset with a fresh consumer group, so right after
 * it starts an event can pass before its consumers have their partitions. Tests that need a push
 * first make sure both consumers are live, by probing until a probe arrives.
 */
public final class LivePipeline {

    public static final String ROUTING = CloudEventHeaders.sourceOf(Topics.ROUTING_SERVICE);
    public static final String TICKETS = CloudEventHeaders.sourceOf(Topics.TICKET_SERVICE);

    private static volatile boolean live;

    private LivePipeline() {
    }

    /** Probes through both topics to the agent's connection until pushes flow (once per JVM). */
    public static void awaitLive(LiveClient agentConnection, String agentSubject) {
        if (live) {
            return;
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        UUID probe = UUID.randomUUID();
        boolean assigned = false;
        while (System.nanoTime() < deadline) {
            if (!assigned) {
                Kafka.publish(AssignmentDecided.of(probe, agentSubject, "probe", "customer-care",
                        AssignmentDecided.Reason.BEST_FIT, null), ROUTING);
            } else {
                Kafka.publish(MessageAdded.internalNote(probe, UUID.randomUUID(), new MessageAdded.Author("probe", "Probe"),
                        "probe"), TICKETS);
            }
            try {
                agentConnection.await(LiveClient.ofType(assigned ? "message" : "assignment", probe), Duration.ofSeconds(2));
                if (assigned) {
                    live = true;
                    return;
                }
                assigned = true;
            } catch (AssertionError notYet) {
                // The consumer is not assigned yet; probe again.
            }
        }
        throw new AssertionError("the gateway's consumers never delivered a probe");
    }
}
