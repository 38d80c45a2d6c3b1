package io.switchboard.events.routing;

import io.switchboard.events.EventType;
import io.switchboard.events.Require;
import io.switchboard.events.SwitchboardEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * routing-service gave a ticket to an agent. A ticket has one assignee at a time: a transfer is an
 * {@link AssignmentReleased} followed by this event, both keyed by the ticket so they stay in
 * order.
 *
 * @param agentId the agent's OIDC subject
 * @param queueId the queue the ticket was served from
 * @param team the team the agent works the ticket for
 * @param previousAgentId who had it before (TRANSFER, ESCALATION) or last time (STICKY); else null
 */
@EventType(value = "switchboard.routing.assignment.decided", version = 1)
public record AssignmentDecided(
        UUID eventId,
        Instant occurredAt,
        UUID ticketId,
        String agentId,
        String queueId,
        String team,
        Reason reason,
        String previousAgentId) implements SwitchboardEvent {

    public enum Reason {
        /** Best match of skills, language and free capacity. */
        BEST_FIT,
        /** Back to the agent who handled this customer before. */
        STICKY,
        /** An agent handed it to another. */
        TRANSFER,
        /** Served by an overflow team because the primary one was full. */
        OVERFLOW,
        /** Raised to someone with more authority (SLA breach, supervisor). */
        ESCALATION,
        /** A supervisor assigned it by hand. */
        MANUAL
    }

    public AssignmentDecided {
        Require.present(eventId, "eventId");
        Require.present(occurredAt, "occurredAt");
        Require.present(ticketId, "ticketId");
        Require.text(agentId, "agentId");
        Require.text(queueId, "queueId");
        Require.text(team, "team");
        Require.present(reason, "reason");
    }

    public static AssignmentDecided of(UUID ticketId, String agentId, String queueId, String team, Reason reason,
            String previousAgentId) {
        return new AssignmentDecided(SwitchboardEvent.newEventId(), SwitchboardEvent.now(), ticketId, agentId, queueId,
                team, reason, previousAgentId);
    }

    @Override
    public String aggregateId() {
        return ticketId.toString();
    }
}
