package io.switchboard.events.ticket;

import io.switchboard.events.Actor;
import io.switchboard.events.EventType;
import io.switchboard.events.Require;
import io.switchboard.events.SwitchboardEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code ticketId} was merged into {@code intoTicketId}: its messages now belong to the target and
 * it is closed. Keyed by the merged ticket, whose history this ends.
 */
@EventType(value = "switchboard.ticket.merged", version = 1)
public record TicketMerged(
        UUID eventId,
        Instant occurredAt,
        UUID ticketId,
        UUID intoTicketId,
        String intoReference,
        Actor actor) implements SwitchboardEvent {

    public TicketMerged {
        Require.present(eventId, "eventId");
        Require.present(occurredAt, "occurredAt");
        Require.present(ticketId, "ticketId");
        Require.present(intoTicketId, "intoTicketId");
        if (ticketId.equals(intoTicketId)) {
            throw new IllegalArgumentException("a ticket cannot be merged into itself");
        }
        Require.present(actor, "actor");
    }

    public static TicketMerged of(UUID ticketId, UUID intoTicketId, String intoReference, Actor actor) {
        return new TicketMerged(SwitchboardEvent.newEventId(), SwitchboardEvent.now(), ticketId, intoTicketId, intoReference, actor);
    }

    @Override
    public String aggregateId() {
        return ticketId.toString();
    }
}
