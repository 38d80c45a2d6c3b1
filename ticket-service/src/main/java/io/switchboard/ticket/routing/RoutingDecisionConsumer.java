package io.switchboard.ticket.routing;

import java.util.Set;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.switchboard.events.EventTypes;
import io.switchboard.events.Topics;
import io.switchboard.events.routing.AssignmentDecided;
import io.switchboard.events.routing.AssignmentReleased;
import io.switchboard.events.routing.TicketQueued;
import io.switchboard.ticket.infra.messaging.IdempotentConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Records routing-service's decisions on the tickets: who holds a ticket, or which queue it waits in. */
@ApplicationScoped
public class RoutingDecisionConsumer {

    static final Set<String> HANDLED = Set.of(
            EventTypes.of(AssignmentDecided.class).ceType(),
            EventTypes.of(AssignmentReleased.class).ceType(),
            EventTypes.of(TicketQueued.class).ceType());

    @Inject
    IdempotentConsumer consumer;

    @Inject
    Assignments assignments;

    @Incoming(Topics.ROUTING_DECISIONS)
    public Uni<Void> consume(KafkaRecord<String, byte[]> record) {
        return consumer.consume(record, HANDLED, event -> {
            if (event instanceof AssignmentDecided decided) {
                return assignments.assign(decided);
            }
            if (event instanceof AssignmentReleased released) {
                return assignments.release(released);
            }
            return assignments.queue((TicketQueued) event);
        });
    }
}
