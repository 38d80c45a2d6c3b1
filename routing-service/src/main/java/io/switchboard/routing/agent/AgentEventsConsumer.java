package io.switchboard.routing.agent;

import java.util.Set;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.Topics;
import io.switchboard.events.agent.AgentPresenceChanged;
import io.switchboard.routing.Routing;
import io.switchboard.routing.infra.messaging.IncomingEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** agent-events: who is online, away or gone. */
@ApplicationScoped
public class AgentEventsConsumer {

    static final Set<String> HANDLED = IncomingEvents.ceTypes(AgentPresenceChanged.class);

    @Inject
    Routing routing;

    @Incoming(Topics.AGENT_EVENTS)
    public Uni<Void> consume(Message<byte[]> message) {
        return IncomingEvents.handle(message, HANDLED, event -> routing.presence().apply((AgentPresenceChanged) event));
    }
}
