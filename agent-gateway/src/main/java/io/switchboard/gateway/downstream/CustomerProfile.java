package io.switchboard.gateway.downstream;

import java.util.List;
import java.util.UUID;

import io.switchboard.events.Channel;

/**
 * A customer as ticket-service answers {@code GET /api/v1/customers/{id}} (its {@code CustomerView}):
 * their identities on every channel and the tickets the caller may see. The identities' platform
 * ids and e-mail addresses are left unread: the app does not show them.
 *
 * @param mergedIntoId set when this customer was merged into another
 */
public record CustomerProfile(UUID id, String displayName, UUID mergedIntoId, List<Identity> identities,
                              List<TicketSummary> tickets) {

    public CustomerProfile {
        identities = identities == null ? List.of() : List.copyOf(identities);
        tickets = tickets == null ? List.of() : List.copyOf(tickets);
    }

    /** The customer on one channel (customer text: render as text only). */
    public record Identity(UUID id, Channel channel, String handle, String displayName) {
    }
}
