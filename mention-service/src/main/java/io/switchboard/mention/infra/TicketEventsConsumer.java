package io.switchboard.mention.infra;

import java.time.Duration;
import java.time.Instant;

import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.switchboard.events.CloudEventHeaders;
import io.switchboard.events.EventDecodingException;
import io.switchboard.events.EventTypes;
import io.switchboard.events.SwitchboardEvent;
import io.switchboard.events.Topics;
import io.switchboard.events.customer.CustomerErased;
import io.switchboard.events.ticket.ReplyRequested;
import io.switchboard.kit.messaging.EventMessages;
import io.switchboard.mention.delivery.DeliveryRepository;
import io.switchboard.mention.privacy.CustomerErasure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Reads {@code ticket-events}: ReplyRequested is recorded for the delivery worker (its reply id is
 * the idempotency key, so a redelivered request changes nothing), CustomerErased forgets the
 * customer here too. Every other type is skipped by its ce_type header, never dead-lettered; an
 * undecodable event of a handled type, or a record without CloudEvents headers, goes to
 * {@code ticket-events.mention-service.dlq}.
 */
@ApplicationScoped
public class TicketEventsConsumer {

    private static final Logger LOG = Logger.getLogger(TicketEventsConsumer.class);
    public static final String REPLY_REQUESTED = EventTypes.of(ReplyRequested.class).ceType();
    public static final String CUSTOMER_ERASED = EventTypes.of(CustomerErased.class).ceType();

    @Inject
    DeliveryRepository deliveries;

    @Inject
    CustomerErasure erasure;

    @Incoming(Topics.TICKET_EVENTS)
    public Uni<Void> consume(Message<byte[]> message) {
        String type = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(m -> m.getHeaders().lastHeader(CloudEventHeaders.TYPE))
                .map(Header::value).map(String::new).orElse(null);
        // Without a ce_type the record is not another event type but malformed (no CloudEvents headers):
        // decoding refuses it below and it is dead-lettered, never dropped unseen.
        if (type != null && !REPLY_REQUESTED.equals(type) && !CUSTOMER_ERASED.equals(type)) {
            return Uni.createFrom().completionStage(message.ack());
        }
        SwitchboardEvent event;
        try {
            event = EventMessages.decode(message);
        } catch (EventDecodingException e) {
            LOG.warnf("Dead-lettering an unreadable %s: %s", type, e.getMessage());
            return Uni.createFrom().completionStage(message.nack(e));
        }
        Uni<Void> effect = event instanceof ReplyRequested request
                ? deliveries.register(request, Instant.now()).replaceWithVoid()
                : erasure.erase((CustomerErased) event);
        return effect
                // A database hiccup is retried here rather than dead-lettering a valid event.
                .onFailure().retry().withBackOff(Duration.ofMillis(500), Duration.ofSeconds(10)).atMost(6)
                .onItem().transformToUni(ignored -> Uni.createFrom().completionStage(message.ack()))
                .onFailure().recoverWithUni(e -> Uni.createFrom().completionStage(message.nack(e)));
    }
}
