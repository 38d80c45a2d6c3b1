package io.switchboard.events.customer;

import io.switchboard.events.Actor;
import io.switchboard.events.Channel;
import io.switchboard.events.EventType;
import io.switchboard.events.Require;
import io.switchboard.events.SwitchboardEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * Another account of a customer was linked to them (the same person on another channel, e.g.
 * their e-mail address beside their X account): from now on that account's posts thread to this
 * customer. Published on ticket-events, keyed by the customer id, so it stays in order with the
 * customer's merges and erasure.
 *
 * <p>If the customer is erased before this event leaves the outbox, it is not published at all:
 * {@link CustomerErased} names every identity the customer had and is the last event to do so.
 *
 * @param identityId ticket-service's id of the linked account
 * @param platformId the account's id on its channel (for the ask-us form the e-mail address);
 *     personal data, never log it
 * @param handle the account's handle on its channel, null when not given
 * @param linkedBy who linked it (a supervisor or admin)
 */
@EventType(value = "switchboard.customer.identity.linked", version = 1)
public record CustomerIdentityLinked(
        UUID eventId,
        Instant occurredAt,
        UUID customerId,
        UUID identityId,
        Channel channel,
        String platformId,
        String handle,
        Actor linkedBy) implements SwitchboardEvent {

    public CustomerIdentityLinked {
        Require.present(eventId, "eventId");
        Require.present(occurredAt, "occurredAt");
        Require.present(customerId, "customerId");
        Require.present(identityId, "identityId");
        Require.present(channel, "channel");
        Require.text(platformId, "platformId");
        Require.present(linkedBy, "linkedBy");
    }

    public static CustomerIdentityLinked of(UUID customerId, UUID identityId, Channel channel, String platformId,
            String handle, Actor linkedBy) {
        return new CustomerIdentityLinked(SwitchboardEvent.newEventId(), SwitchboardEvent.now(), customerId, identityId,
                channel, platformId, handle, linkedBy);
    }

    @Override
    public String aggregateId() {
        return customerId.toString();
    }
}
