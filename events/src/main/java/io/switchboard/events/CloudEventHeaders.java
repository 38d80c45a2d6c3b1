package io.switchboard.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The CloudEvents 1.0 attributes of an event in Kafka binary mode: attributes travel as
 * {@code ce_*} headers, the payload is the event's JSON. Kept free of kafka-clients; a service
 * adapts it to Kafka's {@code Headers} in two lines:
 *
 * <pre>{@code
 * CloudEventHeaders.of(event, CloudEventHeaders.sourceOf(Topics.TICKET_SERVICE)).toMap()
 *         .forEach((name, value) -> record.headers().add(name, value.getBytes(UTF_8)));
 *
 * CloudEventHeaders ce = CloudEventHeaders.fromBytes(name -> {
 *     Header h = record.headers().lastHeader(name);
 *     return h == null ? null : h.value();
 * });
 * }</pre>
 *
 * @param id the event id ({@code ce_id})
 * @param type the CloudEvents type ({@code ce_type}), e.g. {@code switchboard.ticket.opened.v1}
 * @param source the producing service ({@code ce_source}), e.g. {@code /switchboard/ticket-service}
 * @param time when it happened ({@code ce_time}); optional in CloudEvents, always sent by us
 * @param subject the aggregate id ({@code ce_subject}); optional in CloudEvents, always sent by us
 */
public record CloudEventHeaders(UUID id, String type, String source, Instant time, String subject) {

    public static final String SPECVERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    /** In Kafka binary mode the data content type is the plain content-type header. */
    public static final String CONTENT_TYPE = "content-type";

    public static final String SPEC_VERSION_1_0 = "1.0";
    public static final String APPLICATION_JSON = "application/json";

    public CloudEventHeaders {
        Require.present(id, ID);
        Require.text(type, TYPE);
        Require.text(source, SOURCE);
    }

    public static CloudEventHeaders of(SwitchboardEvent event, String source) {
        return new CloudEventHeaders(event.eventId(), event.ceType(), source, event.occurredAt(), event.aggregateId());
    }

    /** The source of a Switchboard service, e.g. {@code sourceOf(Topics.TICKET_SERVICE)}. */
    public static String sourceOf(String service) {
        return "/switchboard/" + Require.text(service, "service");
    }

    /** The headers to send, in a stable order; time and subject only when present. */
    public Map<String, String> toMap() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(SPECVERSION, SPEC_VERSION_1_0);
        headers.put(ID, id.toString());
        headers.put(TYPE, type);
        headers.put(SOURCE, source);
        if (time != null) {
            headers.put(TIME, time.toString()); // ISO-8601 in UTC, which is RFC 3339
        }
        if (subject != null) {
            headers.put(SUBJECT, subject);
        }
        headers.put(CONTENT_TYPE, APPLICATION_JSON);
        return Collections.unmodifiableMap(headers);
    }

    /**
     * Reads received headers.
     *
     * @throws EventDecodingException if a required attribute is missing or malformed, or the
     *     content is not JSON: such a message goes to the dead-letter topic
     */
    public static CloudEventHeaders from(Map<String, String> headers) {
        return read(headers::get);
    }

    /** Like {@link #from(Map)}, for raw header values (UTF-8) such as Kafka's; null when absent. */
    public static CloudEventHeaders fromBytes(Function<String, byte[]> header) {
        return read(name -> {
            byte[] value = header.apply(name);
            return value == null ? null : new String(value, StandardCharsets.UTF_8);
        });
    }

    private static CloudEventHeaders read(Function<String, String> header) {
        String type = header.apply(TYPE);
        String specVersion = header.apply(SPECVERSION);
        if (!SPEC_VERSION_1_0.equals(specVersion)) {
            throw invalid(type, SPECVERSION + " must be " + SPEC_VERSION_1_0 + ", was " + quoted(specVersion));
        }
        if (type == null || type.isBlank()) {
            throw invalid(null, TYPE + " is missing");
        }
        String source = header.apply(SOURCE);
        if (source == null || source.isBlank()) {
            throw invalid(type, SOURCE + " is missing");
        }
        String contentType = header.apply(CONTENT_TYPE);
        if (contentType != null && !contentType.toLowerCase(Locale.ROOT).startsWith(APPLICATION_JSON)) {
            throw invalid(type, CONTENT_TYPE + " must be " + APPLICATION_JSON + ", was " + quoted(contentType));
        }
        return new CloudEventHeaders(parseId(type, header.apply(ID)), type, source,
                parseTime(type, header.apply(TIME)), header.apply(SUBJECT));
    }

    private static UUID parseId(String type, String id) {
        if (id == null) {
            throw invalid(type, ID + " is missing");
        }
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw invalid(type, ID + " must be a UUID, was " + quoted(id));
        }
    }

    private static Instant parseTime(String type, String time) {
        if (time == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(time).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid(type, TIME + " must be an RFC 3339 timestamp, was " + quoted(time));
        }
    }

    private static EventDecodingException invalid(String type, String problem) {
        return new EventDecodingException(type, "Invalid CloudEvents headers" + (type == null ? "" : " for " + type) + ": " + problem);
    }

    private static String quoted(String value) {
        if (value == null) {
            return "nothing";
        }
        return "'" + (value.length() > 100 ? value.substring(0, 100) + "…" : value) + "'";
    }
}
