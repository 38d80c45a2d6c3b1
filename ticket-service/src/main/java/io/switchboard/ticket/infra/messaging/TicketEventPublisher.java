package io.switchboard.ticket.infra.messaging;

import org.eclipse.microprofile.reactive.messaging.Channel;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.switchboard.events.CloudEventHeaders;
import io.switchboard.events.SwitchboardEvent;
import io.switchboard.events.Topics;
import io.switchboard.kit.messaging.EventMessages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Sends ticket events to {@value Topics#TICKET_EVENTS}, keyed by ticket so each ticket's events
 * stay in order on one partition. The Uni completes when the broker has acknowledged the record.
 */
@ApplicationScoped
public class TicketEventPublisher {

    static final String SOURCE = CloudEventHeaders.sourceOf(Topics.TICKET_SERVICE);

    @Inject
    @Channel(Topics.TICKET_EVENTS)
    MutinyEmitter<byte[]> emitter;

    public Uni<Void> publish(SwitchboardEvent event) {
        return emitter.sendMessage(EventMessages.outgoing(event, SOURCE));
    }
}
