package io.switchboard.gateway.canned;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One answer of a team's library. {@code body} may hold placeholders the app fills in when it is
 * used: {@code {{customer.name}}}, {@code {{customer.handle}}}, {@code {{agent.name}}},
 * {@code {{ticket.reference}}}.
 */
@Entity
@Table(name = "canned_response")
public class CannedResponse {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String team;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String body;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
