package io.switchboard.ticket.thread;

import java.time.Instant;
import java.util.UUID;

import io.switchboard.events.Channel;
import io.switchboard.events.mention.Intent;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A mention counted for analytics but not ticketed (not actionable, or spam). Keyed by mention id,
 * so a redelivery is recognised; it keeps no text and no author.
 */
@Entity
@Table(name = "ignored_mention")
public class IgnoredMention {

    public static final String NOT_ACTIONABLE = "not-actionable";
    public static final String SPAM = "spam";

    @Id
    @Column(name = "mention_id")
    public UUID mentionId;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel", nullable = false)
    public Channel channel;

    @Column(name = "brand_account")
    public String brandAccount;

    @Enumerated(EnumType.STRING)
    @Column(name = "intent", nullable = false)
    public Intent intent;

    @Column(name = "reason", nullable = false)
    public String reason;

    @Column(name = "accepted_at", nullable = false)
    public Instant acceptedAt;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
