package io.switchboard.routing.ticket;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import io.switchboard.events.Channel;
import io.switchboard.events.mention.Intent;
import io.switchboard.events.ticket.Priority;
import io.switchboard.routing.assignment.WaitingTicket;

/**
 * A ticket as routing holds it. Routing keeps no customer data: only what placement and dispatch use.
 *
 * @param customerAgentId ticket-service's hint: who last handled this customer (sticky routing)
 * @param lastAgentId who last held this ticket
 * @param queueId the queue it waits in, or was served from
 * @param queuedAt since when the customer waits; kept across requeues
 */
public record RoutedTicket(
        UUID ticketId,
        String reference,
        Channel channel,
        String language,
        Intent intent,
        Priority priority,
        Set<String> tags,
        String customerAgentId,
        String lastAgentId,
        String queueId,
        Status status,
        Instant queuedAt,
        boolean escalated,
        boolean overflowed,
        Instant openedAt,
        Instant firstAssignedAt) {

    public enum Status {
        WAITING,
        ASSIGNED,
        CLOSED
    }

    public RoutedTicket {
        tags = Set.copyOf(tags);
    }

    public WaitingTicket asWaiting() {
        return new WaitingTicket(ticketId, queueId, language, priority, queuedAt, lastAgentId, customerAgentId, escalated,
                overflowed, openedAt, firstAssignedAt != null);
    }
}
