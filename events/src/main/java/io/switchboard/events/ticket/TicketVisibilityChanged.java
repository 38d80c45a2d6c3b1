package io.switchboard.events.ticket;

import io.switchboard.events.Actor;
import io.switchboard.events.EventType;
import io.switchboard.events.Require;
import io.switchboard.events.SwitchboardEvent;
import io.switchboard.events.Visibility;
import java.time.Instant;
import java.util.UUID;

/**
 * The conversation moved between public and private (e.g. to direct messages, to keep personal
 * data out of public view); later replies default to the new visibility.
 */
@EventType(value = "switchboard.ticket.visibility.changed", version = 1)
public record TicketVisibilityChanged(
        UUID eventId,
        Instant occurredAt,
        UUID ticketId,
        Visibility from,
        Visibility to,
        Actor actor) implements SwitchboardEvent {

    public TicketVisibilityChanged {
        Require.present(eventId, "eventId");
        Require.present(occurredAt, "occurredAt");
        Require.present(ticketId, "ticketId");
        Require.present(from, "from");
        Require.present(to, "to");
        Require.present(actor, "actor");
    }

    public static TicketVisibilityChanged of(UUID ticketId, Visibility from, Visibility to, Actor actor) {
        return new TicketVisibilityChanged(SwitchboardEvent.newEventId(), SwitchboardEvent.now(), ticketId, from, to, actor);
    }

    @Override
    public String aggregateId() {
        return ticketId.toString();
    }
}
