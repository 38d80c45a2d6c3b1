package io.switchboard.routing.ticket;

import java.util.Set;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.switchboard.events.Topics;
import io.switchboard.events.ticket.MessageAdded;
import io.switchboard.events.ticket.SlaBreached;
import io.switchboard.events.ticket.TicketMerged;
import io.switchboard.events.ticket.TicketOpened;
import io.switchboard.events.ticket.TicketPriorityChanged;
import io.switchboard.events.ticket.TicketStatusChanged;
import io.switchboard.events.ticket.TicketTagsChanged;
import io.switchboard.routing.Routing;
import io.switchboard.routing.infra.messaging.IncomingEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * ticket-events: tickets to place, to let go and to escalate, a poll at a time in one transaction
 * ({@link TicketRouting#routeAll}); see {@link IncomingEvents#handleBatch} for what happens when one fails.
 */
@ApplicationScoped
public class TicketEventsConsumer {

    static final Set<String> HANDLED = IncomingEvents.ceTypes(TicketOpened.class, TicketStatusChanged.class,
            TicketPriorityChanged.class, TicketTagsChanged.class, TicketMerged.class, SlaBreached.class, MessageAdded.class);

    @Inject
    Routing routing;

    @Incoming(Topics.TICKET_EVENTS)
    public Uni<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        TicketRouting tickets = routing.ticketRouting();
        return IncomingEvents.handleBatch(batch, HANDLED, tickets::routeAll, tickets::route);
    }
}
