package io.switchboard.ticket.routing;

import java.time.Clock;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.Actor;
import io.switchboard.events.Topics;
import io.switchboard.events.routing.AssignmentDecided;
import io.switchboard.events.routing.AssignmentReleased;
import io.switchboard.events.routing.TicketQueued;
import io.switchboard.ticket.infra.ClockProducer;
import io.switchboard.ticket.infra.messaging.PermanentFailure;
import io.switchboard.ticket.infra.persistence.Changes;
import io.switchboard.ticket.ticket.Ticket;
import io.switchboard.ticket.ticket.TicketRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A ticket's assignee, team and queue, as routing-service decides them. Routing owns these
 * decisions and publishes them itself, so ticket-service records and audits them but emits no
 * event of its own. Runs inside the consumer's transaction.
 */
@ApplicationScoped
public class Assignments {

    static final Actor ROUTING = Actor.system(Topics.ROUTING_SERVICE);

    @Inject
    TicketRepository tickets;

    @Inject
    Clock clock;

    public Uni<Void> assign(AssignmentDecided decided) {
        return ticket(decided.ticketId()).chain(ticket -> {
            Changes changes = new Changes(ClockProducer.now(clock));
            String previous = ticket.assigneeId;
            ticket.assigneeId = decided.agentId();
            ticket.team = decided.team();
            ticket.queueId = decided.queueId();
            ticket.touch(changes.at());
            changes.audit(ticket.id, ticket.customerId, ROUTING, "ASSIGNED", "agent " + decided.agentId()
                    + (previous == null || previous.equals(decided.agentId()) ? "" : " (was " + previous + ")")
                    + ", team " + decided.team() + ", queue " + decided.queueId() + ", " + decided.reason());
            return write(changes);
        });
    }

    public Uni<Void> release(AssignmentReleased released) {
        return ticket(released.ticketId()).chain(ticket -> {
            Changes changes = new Changes(ClockProducer.now(clock));
            if (released.agentId().equals(ticket.assigneeId)) {
                ticket.assigneeId = null;
                ticket.touch(changes.at());
                changes.audit(ticket.id, ticket.customerId, ROUTING, "UNASSIGNED",
                        "agent " + released.agentId() + ", " + released.reason());
            } else {
                // Released by someone who no longer holds it (a later decision came first): keep the holder.
                changes.audit(ticket.id, ticket.customerId, ROUTING, "UNASSIGNED_IGNORED", "agent "
                        + released.agentId() + " does not hold the ticket (holder: " + ticket.assigneeId + ")");
            }
            return write(changes);
        });
    }

    public Uni<Void> queue(TicketQueued queued) {
        return ticket(queued.ticketId()).chain(ticket -> {
            Changes changes = new Changes(ClockProducer.now(clock));
            ticket.queueId = queued.queueId();
            if (queued.team() != null) {
                ticket.team = queued.team();
            }
            ticket.touch(changes.at());
            changes.audit(ticket.id, ticket.customerId, ROUTING, "QUEUED", "queue " + queued.queueId()
                    + (queued.team() == null ? "" : ", team " + queued.team()) + ", position " + queued.position()
                    + ", " + queued.reason());
            return write(changes);
        });
    }

    private Uni<Ticket> ticket(UUID id) {
        return tickets.findById(id).onItem().ifNull()
                .failWith(() -> new PermanentFailure("routing decision for unknown ticket " + id));
    }

    private static Uni<Void> write(Changes changes) {
        return Panache.getSession().chain(changes::writeTo);
    }
}
