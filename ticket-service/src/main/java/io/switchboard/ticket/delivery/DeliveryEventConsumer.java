package io.switchboard.ticket.delivery;

import java.util.Set;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.switchboard.events.EventTypes;
import io.switchboard.events.Topics;
import io.switchboard.events.delivery.ReplyDelivered;
import io.switchboard.events.delivery.ReplyFailed;
import io.switchboard.ticket.infra.messaging.IdempotentConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Records what became of agents' replies on the channel (from mention-service) on their messages. */
@ApplicationScoped
public class DeliveryEventConsumer {

    static final Set<String> HANDLED = Set.of(
            EventTypes.of(ReplyDelivered.class).ceType(),
            EventTypes.of(ReplyFailed.class).ceType());

    @Inject
    IdempotentConsumer consumer;

    @Inject
    Deliveries deliveries;

    @Incoming(Topics.DELIVERY_EVENTS)
    public Uni<Void> consume(KafkaRecord<String, byte[]> record) {
        return consumer.consume(record, HANDLED, event -> event instanceof ReplyDelivered delivered
                ? deliveries.delivered(delivered)
                : deliveries.failed((ReplyFailed) event));
    }
}
