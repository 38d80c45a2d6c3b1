package io.switchboard.events.routing;

import io.switchboard.events.EventType;
import io.switchboard.events.Require;
import io.switchboard.events.SwitchboardEvent;
import io.switchboard.events.ticket.Priority;
import java.time.Instant;
import java.util.UUID;

/**
 * Nobody could take a ticket, so routing-service holds it in a queue (highest priority, then
 * oldest, first). An AssignmentDecided ends the wait.
 *
 * @param team the team whose queue it is, null for a shared queue
 * @param priority the priority it is queued at, after routing's own weighting
 * @param position 1-based place in the queue when it was queued
 */
@EventType(value = "switchboard.routing.ticket.queued", version = 1)
public record TicketQueued(
        UUID eventId,
        Instant occurredAt,
        UUID ticketId,
        String queueId,
        String team,
        Priority priority,
        int position,
        Reason reason) implements SwitchboardEvent {

    public enum Reason {
        NO_AGENT_ONLINE,
        ALL_AGENTS_AT_CAPACITY,
        NO_MATCHING_SKILL,
        /** Came back after its assignment was released. */
        REQUEUED
    }

    public TicketQueued {
        Require.present(eventId, "eventId");
        Require.present(occurredAt, "occurredAt");
        Require.present(ticketId, "ticketId");
        Require.text(queueId, "queueId");
        Require.present(priority, "priority");
        Require.between(position, 1, Integer.MAX_VALUE, "position");
        Require.present(reason, "reason");
    }

    public static TicketQueued of(UUID ticketId, String queueId, String team, Priority priority, int position, Reason reason) {
        return new TicketQueued(SwitchboardEvent.newEventId(), SwitchboardEvent.now(), ticketId, queueId, team, priority,
                position, reason);
    }

    @Override
    public String aggregateId() {
        return ticketId.toString();
    }
}
