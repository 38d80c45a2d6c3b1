package io.switchboard.ticket.routing;

import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.switchboard.events.EventTypes;
import io.switchboard.events.SwitchboardEvent;
import io.switchboard.events.Topics;
import io.switchboard.events.routing.AssignmentDecided;
import io.switchboard.events.routing.AssignmentReleased;
import io.switchboard.events.routing.TicketQueued;
import io.switchboard.ticket.infra.messaging.BatchConsumption;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Records routing-service's decisions on the tickets (who holds a ticket, or which queue it waits
 * in), a poll at a time: routing publishes about two decisions per ticket, and one transaction per
 * record cost a commit and five round trips each (the bench saw this consumer's lag reach 11,500).
 * Idempotent by event id ({@code processed_event}, written with the effect); a batch that fails is
 * redone one decision per transaction and only a decision that fails alone (an unknown ticket, say)
 * goes to {@code routing-decisions.ticket-service.dlq} ({@link BatchConsumption}).
 */
@ApplicationScoped
public class RoutingDecisionConsumer {

    /** Outgoing channel to {@code routing-decisions.ticket-service.dlq}, for decisions that cannot be recorded. */
    public static final String DEAD_LETTER_CHANNEL = "routing-decisions-dead-letters";

    static final Set<String> HANDLED = Set.of(
            EventTypes.of(AssignmentDecided.class).ceType(),
            EventTypes.of(AssignmentReleased.class).ceType(),
            EventTypes.of(TicketQueued.class).ceType());

    @Inject
    Assignments assignments;

    @Inject
    MeterRegistry metrics;

    @Inject
    @Channel(DEAD_LETTER_CHANNEL)
    MutinyEmitter<byte[]> deadLetters;

    private BatchConsumption<SwitchboardEvent> batches;

    @PostConstruct
    void init() {
        batches = new BatchConsumption<>("routing decision", HANDLED, RoutingDecisionConsumer::decision,
                this::inTransaction, deadLetters, metrics.counter("switchboard.routing.decisions.dead.lettered"));
    }

    @Incoming(Topics.ROUTING_DECISIONS)
    public Uni<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        return batches.consume(batch);
    }

    private Uni<Void> inTransaction(List<SwitchboardEvent> decisions) {
        return Panache.withTransaction(() -> assignments.record(decisions));
    }

    /** A record whose type header is missing but whose payload is another event is malformed here. */
    private static SwitchboardEvent decision(SwitchboardEvent event) {
        if (event instanceof AssignmentDecided || event instanceof AssignmentReleased || event instanceof TicketQueued) {
            return event;
        }
        throw new ClassCastException(event.getClass().getSimpleName() + " is not a routing decision");
    }
}
