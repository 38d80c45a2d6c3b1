package io.switchboard.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The JSON form of events. Decoding is strict about what is there (types, required fields, one
 * JSON value) and lenient about what is not known yet (unknown fields are ignored), which is what
 * lets a producer add an optional field before every consumer knows it.
 *
 * <p>Every decoding failure is an {@link EventDecodingException}: the caller dead-letters the
 * message instead of crashing or retrying it forever.
 */
public final class EventCodec {

    private static final ObjectMapper MAPPER = newObjectMapper();

    /** Dead-letter records and logs carry the message; a hostile payload must not make it huge. */
    private static final int MAX_PROBLEM_LENGTH = 300;

    private EventCodec() {
    }

    /**
     * A mapper configured like the codec's own, for services that keep events or their parts as
     * JSON elsewhere (outbox rows, REST views). The codec's instance is not shared so nobody can
     * reconfigure it under everybody else.
     */
    public static ObjectMapper newObjectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                // A number or boolean where text is expected is a producer bug, not a value.
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .build();
    }

    /**
     * @throws IllegalArgumentException if the event's class is not registered in {@link EventTypes},
     *     since nobody could decode it
     */
    public static byte[] encode(SwitchboardEvent event) {
        EventTypes.of(event.getClass());
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            // Records of strings, numbers, enums and instants always serialise; this is a bug.
            throw new IllegalStateException("Cannot encode " + event.ceType() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Decodes the payload of a message whose {@code ce_type} header is {@code ceType}. */
    public static SwitchboardEvent decode(String ceType, byte[] json) {
        EventDescriptor descriptor = EventTypes.byCeType(ceType).orElseThrow(() -> new EventDecodingException(ceType,
                "Unknown event type '" + truncate(String.valueOf(ceType)) + "'; known types: " + knownTypes()));
        return read(json, descriptor.javaType(), descriptor.ceType());
    }

    /**
     * Decodes the payload by its headers and checks that the payload is the event the headers
     * announce (same id), so a message whose headers and body disagree is dead-lettered.
     */
    public static SwitchboardEvent decode(CloudEventHeaders headers, byte[] json) {
        SwitchboardEvent event = decode(headers.type(), json);
        if (!event.eventId().equals(headers.id())) {
            throw new EventDecodingException(headers.type(), "Cannot decode " + headers.type() + ": ce_id "
                    + headers.id() + " does not match the payload's eventId " + event.eventId());
        }
        return event;
    }

    /** Decodes into a known class, e.g. in a consumer that reads a single event type. */
    public static <T> T decode(byte[] json, Class<T> type) {
        return read(json, type, nameOf(type));
    }

    private static <T> T read(byte[] json, Class<T> type, String name) {
        if (json == null || json.length == 0) {
            throw new EventDecodingException(name, "Cannot decode " + name + ": empty payload");
        }
        T value;
        try {
            value = MAPPER.readValue(json, type);
        } catch (IOException | RuntimeException e) {
            // RuntimeException too: whatever the bytes are, the answer is a dead-letter, not a crash.
            throw new EventDecodingException(name, "Cannot decode " + name + ": " + truncate(problem(e)), e);
        }
        if (value == null) {
            throw new EventDecodingException(name, "Cannot decode " + name + ": payload is JSON null");
        }
        return value;
    }

    private static String nameOf(Class<?> type) {
        try {
            return EventTypes.of(type).ceType();
        } catch (IllegalArgumentException notAnEvent) {
            return type.getSimpleName();
        }
    }

    private static String problem(Exception e) {
        if (e instanceof ValueInstantiationException v && v.getCause() != null) {
            // A compact constructor refused the values; its message names the field.
            return v.getCause().getMessage() + at(v.getPath());
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null && m.getTargetType().isPrimitive()
                && m.getOriginalMessage().startsWith("Cannot map `null`")) {
            // Primitive components are required: absent or null is a missing field, not a zero.
            return field(m.getPath()) + " is required";
        }
        if (e instanceof JsonMappingException m) {
            return m.getOriginalMessage() + at(m.getPath());
        }
        if (e instanceof JsonProcessingException p) {
            JsonLocation where = p.getLocation();
            return "invalid JSON: " + p.getOriginalMessage()
                    + (where == null ? "" : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")");
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static String at(List<JsonMappingException.Reference> path) {
        String field = field(path);
        return field.isEmpty() ? "" : " (at '" + field + "')";
    }

    private static String field(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                field.append(field.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    private static String knownTypes() {
        return EventTypes.all().stream().map(EventDescriptor::ceType).collect(Collectors.joining(", "));
    }

    private static String truncate(String text) {
        return text.length() <= MAX_PROBLEM_LENGTH ? text : text.substring(0, MAX_PROBLEM_LENGTH) + "…";
    }
}
