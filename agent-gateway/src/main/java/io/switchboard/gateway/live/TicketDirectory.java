package io.switchboard.gateway.live;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who holds which ticket, as far as this gateway instance knows: learnt from routing's decisions
 * (AssignmentDecided / AssignmentReleased) and from what ticket-service answered an agent (their
 * inbox, loaded again whenever their live connection opens). It decides who is pushed a ticket's
 * messages, delivery outcomes and SLA warnings, which carry only the ticket id.
 * Bounded: the least recently touched tickets are forgotten first.
 */
@ApplicationScoped
public class TicketDirectory {

    static final int MAX_TICKETS = 100_000;

    /** The assignee (OIDC subject) and team of a ticket; either may be null when unknown. */
    public record Holder(String agentId, String team) {
    }

    private final Map<UUID, Holder> holders = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Holder> eldest) {
            return size() > MAX_TICKETS;
        }
    };

    public synchronized void assign(UUID ticketId, String agentId, String team) {
        Holder known = holders.get(ticketId);
        holders.put(ticketId, new Holder(agentId, team != null ? team : known == null ? null : known.team()));
    }

    /** The ticket left the agent (resolved, transferred, requeued); its team stays known. */
    public synchronized void release(UUID ticketId, String agentId) {
        Holder known = holders.get(ticketId);
        if (known != null && agentId.equals(known.agentId())) {
            holders.put(ticketId, new Holder(null, known.team()));
        }
    }

    public synchronized void team(UUID ticketId, String team) {
        if (team == null) {
            return;
        }
        Holder known = holders.get(ticketId);
        holders.put(ticketId, new Holder(known == null ? null : known.agentId(), team));
    }

    public synchronized Optional<Holder> holder(UUID ticketId) {
        return Optional.ofNullable(holders.get(ticketId));
    }
}
