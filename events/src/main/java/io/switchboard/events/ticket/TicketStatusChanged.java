package io.switchboard.events.ticket;

import io.switchboard.events.Actor;
import io.switchboard.events.EventType;
import io.switchboard.events.Require;
import io.switchboard.events.SwitchboardEvent;
import java.time.Instant;
import java.util.UUID;

/** A ticket moved in its lifecycle. {@code reason} is free text for the timeline, null if none. */
@EventType(value = "switchboard.ticket.status.changed", version = 1)
public record TicketStatusChanged(
        UUID eventId,
        Instant occurredAt,
        UUID ticketId,
        TicketStatus from,
        TicketStatus to,
        Actor actor,
        String reason) implements SwitchboardEvent {

    public TicketStatusChanged {
        Require.present(eventId, "eventId");
        Require.present(occurredAt, "occurredAt");
        Require.present(ticketId, "ticketId");
        Require.present(from, "from");
        Require.present(to, "to");
        Require.present(actor, "actor");
    }

    public static TicketStatusChanged of(UUID ticketId, TicketStatus from, TicketStatus to, Actor actor) {
        return new TicketStatusChanged(SwitchboardEvent.newEventId(), SwitchboardEvent.now(), ticketId, from, to, actor, null);
    }

    @Override
    public String aggregateId() {
        return ticketId.toString();
    }
}
