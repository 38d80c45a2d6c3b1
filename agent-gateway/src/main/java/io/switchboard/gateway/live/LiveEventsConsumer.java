package io.switchboard.gateway.live;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.switchboard.events.CloudEventHeaders;
import io.switchboard.events.EventDecodingException;
import io.switchboard.events.EventDescriptor;
import io.switchboard.events.EventTypes;
import io.switchboard.events.SwitchboardEvent;
import io.switchboard.events.Topics;
import io.switchboard.events.ticket.ReplyRequested;
import io.switchboard.gateway.floor.MentionTraffic;
import io.switchboard.kit.messaging.EventMessages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Reads ticket-events and routing-decisions and pushes what matters to the connected browsers.
 * Every gateway instance reads everything (its own consumer group, from the latest offset): any
 * instance may hold the connection of the agent an event is for. Nothing here writes a database,
 * so a redelivered event is at worst pushed twice, and the app drops it by event id. A message
 * that cannot be decoded goes to the dead-letter topic.
 */
@ApplicationScoped
public class LiveEventsConsumer {

    private static final Logger LOG = Logger.getLogger(LiveEventsConsumer.class);

    /** The ce_types pushed to browsers; the rest (ReplyRequested, future types) are skipped undecoded. */
    static final Set<String> HANDLED = Stream.concat(EventTypes.onTopic(Topics.TICKET_EVENTS).stream(),
                    EventTypes.onTopic(Topics.ROUTING_DECISIONS).stream())
            .filter(d -> d.javaType() != ReplyRequested.class)
            .map(EventDescriptor::ceType)
            .collect(Collectors.toUnmodifiableSet());

    @Inject
    LiveEventRouter router;

    @Inject
    LiveConnections connections;

    @Inject
    MentionTraffic mentionTraffic;

    @Incoming(Topics.TICKET_EVENTS)
    public CompletionStage<Void> ticketEvent(Message<byte[]> message) {
        return handle(message);
    }

    @Incoming(Topics.ROUTING_DECISIONS)
    public CompletionStage<Void> routingDecision(Message<byte[]> message) {
        return handle(message);
    }

    private CompletionStage<Void> handle(Message<byte[]> message) {
        String ceType = ceType(message);
        // Without a ce_type the record is not another event type but malformed (no CloudEvents headers):
        // decoding refuses it below and it is dead-lettered, never dropped unseen.
        if (ceType != null && !HANDLED.contains(ceType)) {
            return message.ack();
        }
        SwitchboardEvent event;
        try {
            event = EventMessages.decode(message);
        } catch (EventDecodingException e) {
            LOG.warnf("undecodable %s to the dead-letter topic: %s", ceType, e.getMessage());
            return message.nack(e);
        }
        try {
            mentionTraffic.observe(event);
            connections.deliver(router.route(event));
        } catch (RuntimeException e) {
            // Pushing is best effort: a failure must not stop the partition; the app resynchronises on reconnect.
            LOG.warnf("could not push %s %s: %s", ceType, event.eventId(), e.getClass().getSimpleName());
        }
        return message.ack();
    }

    private static String ceType(Message<byte[]> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(metadata -> metadata.getHeaders().lastHeader(CloudEventHeaders.TYPE))
                .map(Header::value)
                .map(value -> new String(value, StandardCharsets.UTF_8))
                .orElse(null);
    }
}
