package io.switchboard.events.customer;

import io.switchboard.events.Actor;
import io.switchboard.events.EventType;
import io.switchboard.events.Require;
import io.switchboard.events.SwitchboardEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Two customers turned out to be one person: {@code mergedCustomerId} was merged into
 * {@code customerId}. The surviving customer now holds the other's identities and tickets; the
 * merged one only points at it. Published on ticket-events, keyed by the surviving customer, whose
 * history goes on: later events about the person (links, erasure) are keyed by it too and arrive
 * after this one.
 *
 * @param customerId the customer that remains
 * @param mergedCustomerId the customer merged away; it has no identities or tickets any more
 * @param ticketIds the tickets that moved from {@code mergedCustomerId} to {@code customerId}
 * @param mergedBy who merged them (a supervisor or admin)
 */
@EventType(value = "switchboard.customer.merged", version = 1)
public record CustomersMerged(
        UUID eventId,
        Instant occurredAt,
        UUID customerId,
        UUID mergedCustomerId,
        List<UUID> ticketIds,
        Actor mergedBy) implements SwitchboardEvent {

    public CustomersMerged {
        Require.present(eventId, "eventId");
        Require.present(occurredAt, "occurredAt");
        Require.present(customerId, "customerId");
        Require.present(mergedCustomerId, "mergedCustomerId");
        if (customerId.equals(mergedCustomerId)) {
            throw new IllegalArgumentException("a customer cannot be merged into themselves");
        }
        ticketIds = Require.list(ticketIds, "ticketIds");
        Require.present(mergedBy, "mergedBy");
    }

    public static CustomersMerged of(UUID customerId, UUID mergedCustomerId, List<UUID> ticketIds, Actor mergedBy) {
        return new CustomersMerged(SwitchboardEvent.newEventId(), SwitchboardEvent.now(), customerId, mergedCustomerId,
                ticketIds, mergedBy);
    }

    @Override
    public String aggregateId() {
        return customerId.toString();
    }
}
