package io.switchboard.gateway.presence;

import java.time.Instant;

import io.switchboard.events.agent.Presence;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An agent's presence as last set through the gateway, and when a browser of theirs was last seen. */
@Entity
@Table(name = "agent_presence")
public class AgentPresence {

    @Id
    @Column(name = "agent_id")
    public String agentId;

    @Column(name = "display_name")
    public String displayName;

    /** Comma-separated team names. */
    @Column(nullable = false)
    public String teams;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Presence presence;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "last_seen_at", nullable = false)
    public Instant lastSeenAt;
}
