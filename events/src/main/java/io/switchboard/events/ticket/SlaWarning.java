package io.switchboard.events.ticket;

import io.switchboard.events.EventType;
import io.switchboard.events.Require;
import io.switchboard.events.SwitchboardEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * An SLA clock of a ticket is about to run out, so someone can act before it breaches.
 *
 * @param agentId the assignee to alert, null if the ticket is queued
 */
@EventType(value = "switchboard.ticket.sla.warning", version = 1)
public record SlaWarning(
        UUID eventId,
        Instant occurredAt,
        UUID ticketId,
        SlaClock clock,
        Instant dueAt,
        String agentId) implements SwitchboardEvent {

    public SlaWarning {
        Require.present(eventId, "eventId");
        Require.present(occurredAt, "occurredAt");
        Require.present(ticketId, "ticketId");
        Require.present(clock, "clock");
        Require.present(dueAt, "dueAt");
    }

    public static SlaWarning of(UUID ticketId, SlaClock clock, Instant dueAt, String agentId) {
        return new SlaWarning(SwitchboardEvent.newEventId(), SwitchboardEvent.now(), ticketId, clock, dueAt, agentId);
    }

    @Override
    public String aggregateId() {
        return ticketId.toString();
    }
}
