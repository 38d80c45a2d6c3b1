package io.switchboard.ticket.infra.messaging;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.switchboard.events.EventDecodingException;

/**
 * A consumed record as a dead-letter message: the same key, payload and headers, plus the
 * headers SmallRye's own dead-letter strategy writes ({@code dead-letter-reason}, ...), so every
 * dead-letter topic of the project reads the same whoever wrote to it.
 */
public final class DeadLetters {

    public static final String REASON = "dead-letter-reason";
    public static final String CAUSE = "dead-letter-cause";
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";
    public static final String EXCEPTION_CLASS = "dead-letter-exception-class-name";

    private static final int MAX_REASON = 300;

    private DeadLetters() {
    }

    /**
     * @param reason why it cannot be processed, for people; it must hold no customer data (event
     *     decoding messages name fields, not values; database errors can quote values, so pass
     *     {@link #reasonOf} rather than their message)
     */
    public static Message<byte[]> of(KafkaRecord<String, byte[]> record, String reason, Throwable error) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.getHeaders()) {
            if (!header.key().startsWith("dead-letter-")) {
                headers.add(header);
            }
        }
        add(headers, REASON, truncate(reason));
        if (error.getCause() != null) {
            add(headers, CAUSE, error.getCause().getClass().getName());
        }
        add(headers, EXCEPTION_CLASS, error.getClass().getName());
        add(headers, TOPIC, record.getTopic());
        add(headers, PARTITION, Integer.toString(record.getPartition()));
        record.getMetadata(IncomingKafkaRecordMetadata.class)
                .ifPresent(metadata -> add(headers, OFFSET, Long.toString(metadata.getOffset())));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(record.getKey())
                .withHeaders(headers)
                .build();
        return Message.of(record.getPayload()).addMetadata(metadata);
    }

    /** A reason safe to publish: a decoding problem as is, anything else by its kind only. */
    public static String reasonOf(Throwable error) {
        if (error instanceof EventDecodingException) {
            return error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        }
        return "processing failed: " + error.getClass().getSimpleName();
    }

    /** The value of a header as text, null when absent. */
    public static String header(KafkaRecord<?, ?> record, String name) {
        Header header = record.getHeaders().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String truncate(String text) {
        return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON) + "…";
    }
}
