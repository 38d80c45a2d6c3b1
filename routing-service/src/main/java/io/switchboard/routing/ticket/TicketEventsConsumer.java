package io.switchboard.routing.ticket;

import java.util.Set;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.SwitchboardEvent;
import io.switchboard.events.Topics;
import io.switchboard.events.routing.AssignmentReleased;
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

/** ticket-events: tickets to place, to let go and to escalate. */
@ApplicationScoped
public class TicketEventsConsumer {

    static final Set<String> HANDLED = IncomingEvents.ceTypes(TicketOpened.class, TicketStatusChanged.class,
            TicketPriorityChanged.class, TicketTagsChanged.class, TicketMerged.class, SlaBreached.class, MessageAdded.class);

    @Inject
    Routing routing;

    @Incoming(Topics.TICKET_EVENTS)
    public Uni<Void> consume(Message<byte[]> message) {
        return IncomingEvents.handle(message, HANDLED, this::route);
    }

    Uni<Void> route(SwitchboardEvent event) {
        TicketRouting tickets = routing.ticketRouting();
        if (event instanceof TicketOpened opened) {
            return tickets.open(opened);
        }
        if (event instanceof TicketStatusChanged changed) {
            return tickets.statusChanged(changed);
        }
        if (event instanceof TicketMerged merged) {
            return tickets.finish(merged, merged.ticketId(), AssignmentReleased.Reason.MERGED);
        }
        if (event instanceof SlaBreached breached) {
            return routing.escalations().slaBreached(breached);
        }
        if (event instanceof TicketPriorityChanged changed) {
            return tickets.priorityChanged(changed, changed.ticketId(), changed.to());
        }
        if (event instanceof TicketTagsChanged changed) {
            return tickets.tagsChanged(changed, changed.ticketId(), Set.copyOf(changed.tags()));
        }
        if (event instanceof MessageAdded added && added.kind() == MessageAdded.Kind.AGENT_REPLY) {
            return tickets.answered(added, added.ticketId(), added.occurredAt());
        }
        return Uni.createFrom().voidItem();
    }
}
