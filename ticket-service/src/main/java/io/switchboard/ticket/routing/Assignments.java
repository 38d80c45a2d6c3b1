package io.switchboard.ticket.routing;

import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.Actor;
import io.switchboard.events.SwitchboardEvent;
import io.switchboard.events.Topics;
import io.switchboard.events.routing.AssignmentDecided;
import io.switchboard.events.routing.AssignmentReleased;
import io.switchboard.events.routing.TicketQueued;
import io.switchboard.kit.idempotency.ProcessedEvent;
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
 * event of its own.
 *
 * <p>A batch of decisions is recorded inside the caller's transaction in a fixed number of
 * statements: which event ids were processed before; the tickets they name, in one query that locks
 * their rows (a batch of 500 decisions takes a while, and a ticket a batch of mentions changed
 * meanwhile would fail the whole batch on its version); each changed ticket updated once, one
 * statement each; the processed-event marks and audit lines as batched inserts
 * ({@link Changes#writeBatched}). Decisions apply in the order given (a partition's order, keyed by
 * ticket).
 */
@ApplicationScoped
public class Assignments {

    static final Actor ROUTING = Actor.system(Topics.ROUTING_SERVICE);

    @Inject
    TicketRepository tickets;

    @Inject
    Clock clock;

    /** Records the decisions not recorded before; fails with {@link PermanentFailure} if one names an unknown ticket. */
    public Uni<Void> record(List<SwitchboardEvent> decisions) {
        Map<UUID, SwitchboardEvent> byEventId = new LinkedHashMap<>();
        decisions.forEach(decision -> byEventId.putIfAbsent(decision.eventId(), decision));
        return processedBefore(byEventId.keySet()).chain(processed -> {
            List<SwitchboardEvent> fresh = byEventId.values().stream()
                    .filter(decision -> !processed.contains(decision.eventId())).toList();
            if (fresh.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return tickets.lockByIds(fresh.stream().map(Assignments::ticketId).collect(Collectors.toSet()))
                    .chain(found -> apply(fresh, found.stream().collect(Collectors.toMap(t -> t.id, Function.identity()))));
        });
    }

    private Uni<Void> apply(List<SwitchboardEvent> decisions, Map<UUID, Ticket> byId) {
        Changes changes = new Changes(ClockProducer.now(clock));
        for (SwitchboardEvent decision : decisions) {
            Ticket ticket = byId.get(ticketId(decision));
            if (ticket == null) {
                throw new PermanentFailure("routing decision for unknown ticket " + ticketId(decision));
            }
            if (decision instanceof AssignmentDecided decided) {
                assign(ticket, decided, changes);
            } else if (decision instanceof AssignmentReleased released) {
                release(ticket, released, changes);
            } else {
                queue(ticket, (TicketQueued) decision, changes);
            }
            changes.row(ProcessedEvent.of(decision.eventId(), decision.ceType(), changes.at()));
        }
        return Panache.getSession().chain(changes::writeBatched);
    }

    private static void assign(Ticket ticket, AssignmentDecided decided, Changes changes) {
        String previous = ticket.assigneeId;
        ticket.assigneeId = decided.agentId();
        ticket.team = decided.team();
        ticket.queueId = decided.queueId();
        ticket.touch(changes.at());
        changes.audit(ticket.id, ticket.customerId, ROUTING, "ASSIGNED", "agent " + decided.agentId()
                + (previous == null || previous.equals(decided.agentId()) ? "" : " (was " + previous + ")")
                + ", team " + decided.team() + ", queue " + decided.queueId() + ", " + decided.reason());
    }

    private static void release(Ticket ticket, AssignmentReleased released, Changes changes) {
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
    }

    private static void queue(Ticket ticket, TicketQueued queued, Changes changes) {
        ticket.queueId = queued.queueId();
        if (queued.team() != null) {
            ticket.team = queued.team();
        }
        ticket.touch(changes.at());
        changes.audit(ticket.id, ticket.customerId, ROUTING, "QUEUED", "queue " + queued.queueId()
                + (queued.team() == null ? "" : ", team " + queued.team()) + ", position " + queued.position()
                + ", " + queued.reason());
    }

    /**
     * The event ids of the batch recorded before. A replica racing on the same ids then fails on
     * processed_event's primary key when it flushes, and its batch is redone one record at a time.
     */
    private static Uni<Set<UUID>> processedBefore(Set<UUID> eventIds) {
        return Panache.getSession().chain(session -> session
                        .createSelectionQuery("select eventId from ProcessedEvent where eventId in :ids", UUID.class)
                        .setParameter("ids", eventIds)
                        .getResultList())
                .map(HashSet::new);
    }

    private static UUID ticketId(SwitchboardEvent decision) {
        if (decision instanceof AssignmentDecided decided) {
            return decided.ticketId();
        }
        if (decision instanceof AssignmentReleased released) {
            return released.ticketId();
        }
        return ((TicketQueued) decision).ticketId();
    }
}
