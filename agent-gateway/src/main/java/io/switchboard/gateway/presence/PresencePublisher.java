package io.switchboard.gateway.presence;

import org.eclipse.microprofile.reactive.messaging.Channel;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.switchboard.events.CloudEventHeaders;
import io.switchboard.events.Topics;
import io.switchboard.events.agent.AgentPresenceChanged;
import io.switchboard.kit.messaging.EventMessages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Publishes presence to agent-events (keyed by agent), completing once Kafka has acknowledged it. */
@ApplicationScoped
public class PresencePublisher {

    static final String SOURCE = CloudEventHeaders.sourceOf(Topics.AGENT_GATEWAY);

    @Inject
    @Channel(Topics.AGENT_EVENTS)
    MutinyEmitter<byte[]> agentEvents;

    public Uni<Void> publish(AgentPresenceChanged event) {
        return agentEvents.sendMessage(EventMessages.outgoing(event, SOURCE));
    }
}
