package io.switchboard.events.customer;

import io.switchboard.events.Actor;
import io.switchboard.events.Channel;
import io.switchboard.events.EventType;
import io.switchboard.events.Require;
import io.switchboard.events.SwitchboardEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A customer's personal data was erased on request (GDPR art. 17). Every service that keeps
 * anything about the customer deletes or anonymises it: mention-service its dedupe keys and
 * deliveries for these identities, routing-service and agent-gateway their cached copies.
 *
 * <p>It lists the identities because consumers know customers only by them; it is the last event
 * to name them. Published on ticket-events, keyed by the customer id.
 *
 * @param ticketIds the customer's tickets, whose texts were redacted
 */
@EventType(value = "switchboard.customer.erased", version = 1)
public record CustomerErased(
        UUID eventId,
        Instant occurredAt,
        UUID customerId,
        List<Identity> identities,
        List<UUID> ticketIds,
        Actor requestedBy) implements SwitchboardEvent {

    /** The customer's account on one channel. */
    public record Identity(Channel channel, String platformId) {
        public Identity {
            Require.present(channel, "identity.channel");
            Require.text(platformId, "identity.platformId");
        }
    }

    public CustomerErased {
        Require.present(eventId, "eventId");
        Require.present(occurredAt, "occurredAt");
        Require.present(customerId, "customerId");
        identities = Require.list(identities, "identities");
        ticketIds = Require.list(ticketIds, "ticketIds");
        Require.present(requestedBy, "requestedBy");
    }

    public static CustomerErased of(UUID customerId, List<Identity> identities, List<UUID> ticketIds, Actor requestedBy) {
        return new CustomerErased(SwitchboardEvent.newEventId(), SwitchboardEvent.now(), customerId, identities, ticketIds, requestedBy);
    }

    @Override
    public String aggregateId() {
        return customerId.toString();
    }
}
