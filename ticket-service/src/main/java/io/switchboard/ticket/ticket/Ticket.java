package io.switchboard.ticket.ticket;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import io.switchboard.events.Channel;
import io.switchboard.events.Visibility;
import io.switchboard.events.mention.Intent;
import io.switchboard.events.mention.Sentiment;
import io.switchboard.events.ticket.Priority;
import io.switchboard.events.ticket.TicketStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A ticket: one customer's matter on one channel, with its conversation (messages), owner and
 * status. Changes go through the methods below so the state machine and the timestamps stay
 * consistent; the services around it write the audit trail and the events.
 */
@Entity
@Table(name = "ticket")
public class Ticket {

    public static final String REFERENCE_PREFIX = "SW-";

    @Id
    public UUID id;

    @Column(name = "reference", nullable = false, updatable = false)
    public String reference;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel", nullable = false, updatable = false)
    public Channel channel;

    @Column(name = "brand_account")
    public String brandAccount;

    @Column(name = "conversation_id", nullable = false)
    public String conversationId;

    @Enumerated(EnumType.STRING)
    @Column(name = "visibility", nullable = false)
    public Visibility visibility;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    @Column(name = "summary", nullable = false)
    public String summary;

    @Column(name = "language")
    public String language;

    @Enumerated(EnumType.STRING)
    @Column(name = "intent", nullable = false)
    public Intent intent;

    @Enumerated(EnumType.STRING)
    @Column(name = "sentiment")
    public Sentiment.Label sentiment;

    @Column(name = "sentiment_score")
    public Double sentimentScore;

    @Enumerated(EnumType.STRING)
    @Column(name = "priority", nullable = false)
    public Priority priority;

    @Column(name = "team")
    public String team;

    @Column(name = "queue_id")
    public String queueId;

    @Column(name = "assignee_id")
    public String assigneeId;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    public TicketStatus status;

    @Column(name = "tags", nullable = false)
    public String[] tags = new String[0];

    @Column(name = "previous_ticket_id")
    public UUID previousTicketId;

    @Column(name = "merged_into_id")
    public UUID mergedIntoId;

    @Column(name = "first_mention_id", nullable = false, updatable = false)
    public UUID firstMentionId;

    @Column(name = "last_customer_message_at")
    public Instant lastCustomerMessageAt;

    @Column(name = "last_agent_reply_at")
    public Instant lastAgentReplyAt;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    public long version;

    public static String referenceOf(long number) {
        return REFERENCE_PREFIX + number;
    }

    /**
     * Moves the ticket through the state machine and keeps the lifecycle timestamps.
     *
     * @throws InvalidTransitionException when the state machine refuses
     */
    public TicketStatus moveTo(TicketStatus to, Instant at) {
        TicketLifecycle.require(status, to);
        TicketStatus from = status;
        status = to;
        switch (to) {
            case RESOLVED -> resolvedAt = at;
            case CLOSED -> closedAt = at;
            case REOPENED -> resolvedAt = null;
            default -> {
            }
        }
        touch(at);
        return from;
    }

    public boolean isActive() {
        return TicketLifecycle.isActive(status);
    }

    public List<String> tagList() {
        return tags == null ? List.of() : List.of(tags);
    }

    /** Replaces the tags with a de-duplicated, sorted copy (the order a reader expects). */
    public void replaceTags(List<String> newTags) {
        tags = new LinkedHashSet<>(newTags).stream().sorted().toArray(String[]::new);
    }

    public void touch(Instant at) {
        updatedAt = at;
    }
}
