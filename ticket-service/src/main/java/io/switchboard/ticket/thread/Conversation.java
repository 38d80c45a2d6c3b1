package io.switchboard.ticket.thread;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Which ticket a channel conversation (its thread root) belongs to now, keyed like the mentions
 * topic ({@code x:1790000000000000000}). A ticket may hold several conversations; a conversation
 * moves on to a new ticket once its old one is closed or past the reopen period.
 */
@Entity
@Table(name = "conversation")
public class Conversation {

    @Id
    @Column(name = "conversation_key")
    public String conversationKey;

    @Column(name = "ticket_id", nullable = false)
    public UUID ticketId;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Conversation of(String conversationKey, UUID ticketId, Instant at) {
        Conversation conversation = new Conversation();
        conversation.conversationKey = conversationKey;
        conversation.ticketId = ticketId;
        conversation.createdAt = at;
        conversation.updatedAt = at;
        return conversation;
    }
}
