package io.switchboard.gateway.live;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

    /**
     * The assignee (OIDC subject) and team of a ticket; either may be null when unknown.
     *
     * @param decided whether the assignee comes from routing's own decisions (then ticket-service,
     *     which learns them later, never overrides it)
     */
    public record Holder(String agentId, String team, boolean decided) {
    }

    private final Map<UUID, Holder> holders = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Holder> eldest) {
            return size() > MAX_TICKETS;
        }
    };

    /**
     * What ticket-service said the agent holds; it learns routing's decisions asynchronously, so this
     * never overrides what this instance already knows from routing itself.
     */
    public synchronized void learn(UUID ticketId, String agentId, String team) {
        Holder known = holders.get(ticketId);
        if (known == null || !known.decided()) {
            holders.put(ticketId, new Holder(agentId, team != null ? team : known == null ? null : known.team(), false));
        }
    }

    /** The tickets routing's decisions (or ticket-service) say the agent holds. */
    public synchronized List<UUID> heldBy(String agentId) {
        List<UUID> held = new ArrayList<>();
        holders.forEach((ticketId, holder) -> {
            if (agentId.equals(holder.agentId())) {
                held.add(ticketId);
            }
        });
        return held;
    }

    /** Routing gave the ticket to the agent (AssignmentDecided). */
    public synchronized void assign(UUID ticketId, String agentId, String team) {
        Holder known = holders.get(ticketId);
        holders.put(ticketId, new Holder(agentId, team != null ? team : known == null ? null : known.team(), true));
    }

    /** The ticket left the agent (resolved, transferred, requeued); its team stays known. */
    public synchronized void release(UUID ticketId, String agentId) {
        Holder known = holders.get(ticketId);
        if (known != null && agentId.equals(known.agentId())) {
            holders.put(ticketId, new Holder(null, known.team(), true));
        }
    }

    public synchronized void team(UUID ticketId, String team) {
        if (team == null) {
            return;
        }
        Holder known = holders.get(ticketId);
        holders.put(ticketId, new Holder(known == null ? null : known.agentId(), team, known != null && known.decided()));
    }

    public synchronized Optional<Holder> holder(UUID ticketId) {
        return Optional.ofNullable(holders.get(ticketId));
    }
}
