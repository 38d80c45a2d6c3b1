package io.switchboard.routing.assignment;

import java.time.Instant;
import java.util.UUID;

import io.switchboard.events.ticket.Priority;

/**
 * A ticket waiting in a queue, as dispatch sees it.
 *
 * @param language primary subtag, null when unknown (any agent will do)
 * @param queuedAt since when the customer waits; kept across requeues
 * @param lastAgentId who last held this ticket; null if nobody
 * @param customerAgentId who last handled this customer on another ticket (ticket-service's hint); may be null
 * @param openedAt when the ticket opened (for the time-to-assignment metric)
 * @param everAssigned whether it had an assignee before (then its next one is not a first assignment)
 */
public record WaitingTicket(
        UUID ticketId,
        String queueId,
        String language,
        Priority priority,
        Instant queuedAt,
        String lastAgentId,
        String customerAgentId,
        boolean escalated,
        boolean overflowed,
        Instant openedAt,
        boolean everAssigned) {

    /** The agent a returning customer (or a requeued ticket) goes back to when eligible. */
    public String stickyAgentId() {
        return lastAgentId != null ? lastAgentId : customerAgentId;
    }
}
