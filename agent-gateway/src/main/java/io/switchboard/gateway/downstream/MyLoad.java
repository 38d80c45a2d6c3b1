package io.switchboard.gateway.downstream;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.switchboard.events.agent.Presence;

/**
 * The calling agent's own load ({@code GET /api/v1/agents/me}, agents and supervisors); routing-service
 * answers 404 until it has seen the agent sign in (their first presence event).
 *
 * @param free capacity left
 * @param tickets the tickets the agent holds
 */
public record MyLoad(String agentId, Presence presence, int capacity, int load, int free, List<HeldTicket> tickets) {

    public MyLoad {
        tickets = tickets == null ? List.of() : List.copyOf(tickets);
    }

    /** @param answered whether the agent has replied (an unanswered ticket goes back to its queue if they leave) */
    public record HeldTicket(UUID ticketId, String queueId, String team, Instant assignedAt, boolean answered) {
    }
}
