package io.switchboard.events;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * An event of the Switchboard event contract. Every implementation is a record annotated with
 * {@link EventType} and listed in {@link EventTypes}; its JSON form is the record's components.
 *
 * <p>Methods here are not record components, so Jackson does not serialise them.
 */
public interface SwitchboardEvent {

    /** Unique per event; consumers store it to process each event once (the idempotency key). */
    UUID eventId();

    /** When the fact happened at the producer (also {@code ce_time}). */
    Instant occurredAt();

    /** The id of the aggregate the event is about; {@code ce_subject}. */
    String aggregateId();

    /**
     * The Kafka record key. Events of one key stay in order on one partition, so this is the
     * aggregate id unless an event documents otherwise (a mention is keyed by its conversation).
     */
    default String partitionKey() {
        return aggregateId();
    }

    /** The type, version and topic this event is registered with. */
    default EventDescriptor descriptor() {
        return EventTypes.of(getClass());
    }

    /** The CloudEvents type, e.g. {@code switchboard.ticket.opened.v1}. */
    default String ceType() {
        return descriptor().ceType();
    }

    static UUID newEventId() {
        return UUID.randomUUID();
    }

    /**
     * Now, to the microsecond: PostgreSQL keeps microseconds, so an event read back from an
     * outbox table equals the one that was written.
     */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
