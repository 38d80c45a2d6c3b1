package io.switchboard.events.ticket;

import io.switchboard.events.Actor;
import io.switchboard.events.EventType;
import io.switchboard.events.Require;
import io.switchboard.events.SwitchboardEvent;
import java.time.Instant;
import java.util.UUID;

/** A ticket's priority changed (by an agent, or by the system on an SLA warning). */
@EventType(value = "switchboard.ticket.priority.changed", version = 1)
public record TicketPriorityChanged(
        UUID eventId,
        Instant occurredAt,
        UUID ticketId,
        Priority from,
        Priority to,
        Actor actor,
        String reason) implements SwitchboardEvent {

    public TicketPriorityChanged {
        Require.present(eventId, "eventId");
        Require.present(occurredAt, "occurredAt");
        Require.present(ticketId, "ticketId");
        Require.present(from, "from");
        Require.present(to, "to");
        Require.present(actor, "actor");
    }

    public static TicketPriorityChanged of(UUID ticketId, Priority from, Priority to, Actor actor, String reason) {
        return new TicketPriorityChanged(SwitchboardEvent.newEventId(), SwitchboardEvent.now(), ticketId, from, to, actor, reason);
    }

    @Override
    public String aggregateId() {
        return ticketId.toString();
    }
}
