package io.switchboard.ticket.ticket;

import java.time.Instant;
import java.util.UUID;

import io.switchboard.events.Visibility;
import io.switchboard.events.ticket.DeliveryState;
import io.switchboard.events.ticket.MessageAdded;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One entry of a ticket's conversation: a customer's post (from a mention), an agent's reply with
 * its delivery state, or an internal note. Text may hold personal data: it is shown to agents and
 * exported or erased on request, never logged.
 */
@Entity
@Table(name = "message")
public class TicketMessage {

    @Id
    public UUID id;

    /** The conversation's order, assigned by the database on insert (null until read back). */
    @Column(name = "seq", insertable = false, updatable = false)
    public Long seq;

    @Column(name = "ticket_id", nullable = false)
    public UUID ticketId;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, updatable = false)
    public MessageAdded.Kind kind;

    /** The customer id for customer messages, the agent's OIDC subject otherwise. */
    @Column(name = "author_id", nullable = false)
    public String authorId;

    @Column(name = "author_name")
    public String authorName;

    @Column(name = "text", nullable = false)
    public String text;

    @Column(name = "redacted_text")
    public String redactedText;

    /** Null for internal notes, which never leave Switchboard. */
    @Enumerated(EnumType.STRING)
    @Column(name = "visibility")
    public Visibility visibility;

    @Column(name = "mention_id", updatable = false)
    public UUID mentionId;

    @Column(name = "external_id")
    public String externalId;

    @Column(name = "conversation_id")
    public String conversationId;

    @Column(name = "in_reply_to_external_id")
    public String inReplyToExternalId;

    @Column(name = "reply_id", updatable = false)
    public UUID replyId;

    @Enumerated(EnumType.STRING)
    @Column(name = "delivery_state")
    public DeliveryState deliveryState;

    /** Why a delivery failed, in words an agent can act on. */
    @Column(name = "delivery_detail")
    public String deliveryDetail;

    @Column(name = "external_post_id")
    public String externalPostId;

    @Column(name = "delivery_changed_at")
    public Instant deliveryChangedAt;

    @Column(name = "merged_from_ticket_id")
    public UUID mergedFromTicketId;

    /** When the customer posted, by the channel's clock; null for agent messages. */
    @Column(name = "posted_at")
    public Instant postedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;
}
