package io.switchboard.ticket.outbox;

import java.time.Instant;
import java.util.UUID;

import io.switchboard.events.EventCodec;
import io.switchboard.events.SwitchboardEvent;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An event waiting in the outbox (sentAt null) or already published (sentAt set). */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    @Id
    @Column(name = "event_id")
    public UUID eventId;

    /** Publish order; assigned by the database on insert. */
    @Column(name = "seq", insertable = false, updatable = false)
    public Long seq;

    @Column(name = "topic", nullable = false, updatable = false)
    public String topic;

    @Column(name = "message_key", nullable = false, updatable = false)
    public String messageKey;

    @Column(name = "ce_type", nullable = false, updatable = false)
    public String ceType;

    @Column(name = "payload", nullable = false)
    public byte[] payload;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    public Instant occurredAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    public static OutboxEvent of(SwitchboardEvent event, Instant at) {
        OutboxEvent row = new OutboxEvent();
        row.eventId = event.eventId();
        row.topic = event.descriptor().topic();
        row.messageKey = event.partitionKey();
        row.ceType = event.ceType();
        row.payload = EventCodec.encode(event);
        row.occurredAt = event.occurredAt();
        row.createdAt = at;
        return row;
    }

    public SwitchboardEvent event() {
        return EventCodec.decode(ceType, payload);
    }
}
