package io.switchboard.gateway.downstream;

import java.util.List;
import java.util.UUID;

import io.switchboard.events.Channel;

/** A customer with every identity and ticket ticket-service knows (GET /api/v1/customers/{id}). */
public record CustomerProfile(UUID customerId, String displayName, List<Identity> identities, List<TicketSummary> tickets) {

    public CustomerProfile {
        identities = identities == null ? List.of() : List.copyOf(identities);
        tickets = tickets == null ? List.of() : List.copyOf(tickets);
    }

    /** The customer on one channel. */
    public record Identity(Channel channel, String handle) {
    }
}
