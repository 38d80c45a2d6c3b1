package io.switchboard.ticket.customer;

import java.time.Instant;
import java.util.UUID;

import io.switchboard.events.Channel;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A customer's account on one channel. {@code platformId} is the channel's stable user id (handles
 * change); for the ask-us form it is the normalised e-mail address. Unique per channel.
 */
@Entity
@Table(name = "customer_identity")
public class CustomerIdentity {

    @Id
    public UUID id;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel", nullable = false, updatable = false)
    public Channel channel;

    @Column(name = "platform_id", nullable = false, updatable = false)
    public String platformId;

    @Column(name = "handle")
    public String handle;

    @Column(name = "display_name")
    public String displayName;

    @Column(name = "follower_count")
    public Integer followerCount;

    @Column(name = "verified", nullable = false)
    public boolean verified;

    @Column(name = "email")
    public String email;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static CustomerIdentity of(UUID customerId, Channel channel, String platformId, Instant at) {
        CustomerIdentity identity = new CustomerIdentity();
        identity.id = UUID.randomUUID();
        identity.customerId = customerId;
        identity.channel = channel;
        identity.platformId = platformId;
        identity.createdAt = at;
        identity.updatedAt = at;
        return identity;
    }

    /** The key the threading looks identities up by. */
    public String key() {
        return keyOf(channel, platformId);
    }

    public static String keyOf(Channel channel, String platformId) {
        return channel.name() + "|" + platformId;
    }
}
