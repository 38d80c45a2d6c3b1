package io.switchboard.ticket.customer.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.switchboard.events.Channel;
import io.switchboard.ticket.ticket.api.TicketSummary;

/**
 * A customer with their identities on every channel and their tickets (those the caller may see).
 *
 * @param mergedIntoId set when this customer was merged into another; look that one up instead
 */
public record CustomerView(UUID id, String displayName, UUID mergedIntoId, Instant erasedAt, Instant createdAt,
        List<Identity> identities, List<TicketSummary> tickets) {

    public record Identity(UUID id, Channel channel, String platformId, String handle, String displayName,
            Integer followerCount, boolean verified, String email, Instant since) {
    }
}
