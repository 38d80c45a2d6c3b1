package io.switchboard.events.ticket;

import io.switchboard.events.EventType;
import io.switchboard.events.Require;
import io.switchboard.events.SwitchboardEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * An SLA clock of a ticket ran out; routing may escalate. The breach time is {@code occurredAt}.
 *
 * @param agentId the assignee at the time, null if the ticket was queued
 */
@EventType(value = "switchboard.ticket.sla.breached", version = 1)
public record SlaBreached(
        UUID eventId,
        Instant occurredAt,
        UUID ticketId,
        SlaClock clock,
        Instant dueAt,
        String agentId) implements SwitchboardEvent {

    public SlaBreached {
        Require.present(eventId, "eventId");
        Require.present(occurredAt, "occurredAt");
        Require.present(ticketId, "ticketId");
        Require.present(clock, "clock");
        Require.present(dueAt, "dueAt");
    }

    public static SlaBreached of(UUID ticketId, SlaClock clock, Instant dueAt, String agentId) {
        return new SlaBreached(SwitchboardEvent.newEventId(), SwitchboardEvent.now(), ticketId, clock, dueAt, agentId);
    }

    @Override
    public String aggregateId() {
        return ticketId.toString();
    }
}
