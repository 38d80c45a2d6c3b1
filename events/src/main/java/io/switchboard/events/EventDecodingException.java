package io.switchboard.events;

/**
 * A message that cannot become an event: unknown type, malformed JSON, wrong types or a missing
 * required field. Consumers catch it and send the message to their dead-letter topic rather than
 * retry it, because the same bytes will fail the same way again.
 */
public class EventDecodingException extends RuntimeException {

    private final String eventType;

    public EventDecodingException(String eventType, String message, Throwable cause) {
        super(message, cause);
        this.eventType = eventType;
    }

    public EventDecodingException(String eventType, String message) {
        this(eventType, message, null);
    }

    /** The {@code ce_type} (or class name) being decoded, when known; for the dead-letter record. */
    public String eventType() {
        return eventType;
    }
}
