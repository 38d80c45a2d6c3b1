package io.switchboard.routing.infra.outbox;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.switchboard.events.CloudEventHeaders;
import io.switchboard.events.SwitchboardEvent;
import io.switchboard.events.Topics;
import io.switchboard.kit.messaging.EventMessages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The routing-decisions channel. A bean of its own so that the relay can exist (and its timer fire)
 * before the messaging channels are wired at startup; this one is created on first use.
 */
@ApplicationScoped
public class DecisionPublisher {

    private static final String SOURCE = CloudEventHeaders.sourceOf(Topics.ROUTING_SERVICE);

    @Inject
    @Channel(Topics.ROUTING_DECISIONS)
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 2048)
    MutinyEmitter<byte[]> emitter;

    /** Completes when Kafka acknowledged the record. */
    public Uni<Void> publish(SwitchboardEvent event, String key) {
        return emitter.sendMessage(EventMessages.outgoing(event, SOURCE, key));
    }
}
