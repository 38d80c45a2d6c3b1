package io.switchboard.ticket.sla;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.ticket.SlaClock;
import io.switchboard.events.ticket.TicketStatus;
import io.switchboard.ticket.infra.persistence.Changes;
import io.switchboard.ticket.ticket.Ticket;
import io.switchboard.ticket.ticket.api.SlaClockView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The SLA clocks of tickets and the lifecycle rules that drive them: a ticket's opening starts
 * first-response and resolution; an agent's reply stops the response clocks; a customer writing
 * after a reply starts next-response; pending the customer pauses, the customer's answer resumes;
 * resolving or closing stops everything; reopening starts a new resolution clock.
 */
@ApplicationScoped
public class SlaClocks implements PanacheRepositoryBase<TicketClock, UUID> {

    @Inject
    SlaPolicies policies;

    public TicketClocks none(UUID ticketId) {
        return new TicketClocks(ticketId, List.of(), policies);
    }

    public Uni<TicketClocks> live(UUID ticketId) {
        return list("ticketId = ?1 and stoppedAt is null", ticketId).map(clocks -> new TicketClocks(ticketId, clocks, policies));
    }

    /** The live clocks of many tickets in one query; tickets without any get an empty set. */
    public Uni<Map<UUID, TicketClocks>> live(Collection<UUID> ticketIds) {
        if (ticketIds.isEmpty()) {
            return Uni.createFrom().item(new HashMap<>());
        }
        return list("ticketId in ?1 and stoppedAt is null", ticketIds).map(clocks -> {
            Map<UUID, TicketClocks> byTicket = new HashMap<>();
            for (UUID id : ticketIds) {
                byTicket.put(id, new TicketClocks(id, clocks.stream().filter(c -> c.ticketId.equals(id)).toList(), policies));
            }
            return byTicket;
        });
    }

    public Uni<List<SlaClockView>> views(UUID ticketId) {
        return list("ticketId = ?1 order by startedAt, clock", ticketId).map(clocks -> clocks.stream()
                .map(c -> new SlaClockView(c.clock, c.state(), c.startedAt, c.dueAt, c.warnedAt, c.breachedAt, c.stoppedAt))
                .toList());
    }

    /** A new ticket: its first response and its resolution are due. Returns the first response's due instant. */
    public Instant opened(TicketClocks clocks, Ticket ticket, Instant at, Changes changes) {
        clocks.start(SlaClock.RESOLUTION, ticket.priority, at, changes);
        return clocks.start(SlaClock.FIRST_RESPONSE, ticket.priority, at, changes).dueAt;
    }

    /** The customer wrote again: once an agent has answered, the next answer is due. */
    public void customerWrote(TicketClocks clocks, Ticket ticket, Instant at, Changes changes) {
        if (ticket.lastAgentReplyAt != null && !clocks.has(SlaClock.FIRST_RESPONSE) && !clocks.has(SlaClock.NEXT_RESPONSE)) {
            clocks.start(SlaClock.NEXT_RESPONSE, ticket.priority, at, changes);
        }
    }

    public void agentReplied(TicketClocks clocks, Instant at) {
        clocks.stop(at, SlaClock.FIRST_RESPONSE, SlaClock.NEXT_RESPONSE);
    }

    public void statusChanged(TicketClocks clocks, Ticket ticket, TicketStatus from, TicketStatus to, Instant at,
            Changes changes) {
        switch (to) {
            case PENDING_CUSTOMER -> clocks.pause(at);
            case OPEN -> clocks.resume(at);
            case RESOLVED, CLOSED -> clocks.stopAll(at);
            case REOPENED -> clocks.start(SlaClock.RESOLUTION, ticket.priority, at, changes);
            default -> {
            }
        }
    }

    public void priorityChanged(TicketClocks clocks, Ticket ticket) {
        clocks.reprioritize(ticket.priority);
    }
}
