package io.switchboard.ticket.ticket.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.switchboard.events.Channel;
import io.switchboard.events.Visibility;
import io.switchboard.events.mention.Intent;
import io.switchboard.events.ticket.Priority;
import io.switchboard.events.ticket.TicketStatus;

/** A ticket with its customer and whole conversation, oldest message first. */
public record TicketDetail(
        UUID id,
        String reference,
        Channel channel,
        String brandAccount,
        String conversationId,
        Visibility visibility,
        TicketStatus status,
        List<TicketStatus> nextStatuses,
        Priority priority,
        String team,
        String queueId,
        String assigneeId,
        String summary,
        String language,
        Intent intent,
        String sentiment,
        List<String> tags,
        Customer customer,
        UUID previousTicketId,
        UUID mergedIntoId,
        Instant lastCustomerMessageAt,
        Instant lastAgentReplyAt,
        Instant resolvedAt,
        Instant closedAt,
        Instant createdAt,
        Instant updatedAt,
        long version,
        List<SlaClockView> sla,
        List<MessageView> messages) {

    /** The customer as this ticket's channel shows them. */
    public record Customer(UUID id, String displayName, String handle, Integer followerCount) {
    }
}
