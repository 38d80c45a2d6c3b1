package io.switchboard.events.routing;

import io.switchboard.events.EventType;
import io.switchboard.events.Require;
import io.switchboard.events.SwitchboardEvent;
import java.time.Instant;
import java.util.UUID;

/** An agent no longer holds a ticket; the capacity it used is free again. Keyed by the ticket. */
@EventType(value = "switchboard.routing.assignment.released", version = 1)
public record AssignmentReleased(
        UUID eventId,
        Instant occurredAt,
        UUID ticketId,
        String agentId,
        Reason reason) implements SwitchboardEvent {

    public enum Reason {
        RESOLVED,
        CLOSED,
        MERGED,
        /** Handed to another agent; an AssignmentDecided follows. */
        TRANSFERRED,
        /** Taken away to escalate; an AssignmentDecided follows. */
        ESCALATED,
        /** The agent went offline with the ticket still open; it goes back to the queue. */
        AGENT_UNAVAILABLE,
        /** Unassigned by the agent or a supervisor; it goes back to the queue. */
        UNASSIGNED
    }

    public AssignmentReleased {
        Require.present(eventId, "eventId");
        Require.present(occurredAt, "occurredAt");
        Require.present(ticketId, "ticketId");
        Require.text(agentId, "agentId");
        Require.present(reason, "reason");
    }

    public static AssignmentReleased of(UUID ticketId, String agentId, Reason reason) {
        return new AssignmentReleased(SwitchboardEvent.newEventId(), SwitchboardEvent.now(), ticketId, agentId, reason);
    }

    @Override
    public String aggregateId() {
        return ticketId.toString();
    }
}
