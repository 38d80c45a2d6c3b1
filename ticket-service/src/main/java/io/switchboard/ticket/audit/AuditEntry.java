package io.switchboard.ticket.audit;

import java.time.Instant;
import java.util.UUID;

import io.switchboard.events.Actor;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One line of the audit trail: who did what to which ticket or customer, and when. {@code detail}
 * names fields, values and ids, never message text, so the trail itself holds no customer content.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    public UUID id;

    /** Write order; assigned by the database. */
    @Column(name = "seq", insertable = false, updatable = false)
    public Long seq;

    @Column(name = "ticket_id")
    public UUID ticketId;

    @Column(name = "customer_id")
    public UUID customerId;

    @Enumerated(EnumType.STRING)
    @Column(name = "actor_kind", nullable = false)
    public Actor.Kind actorKind;

    @Column(name = "actor_id", nullable = false)
    public String actorId;

    @Column(name = "action", nullable = false)
    public String action;

    @Column(name = "detail")
    public String detail;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;
}
