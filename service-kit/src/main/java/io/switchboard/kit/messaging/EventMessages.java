package io.switchboard.kit.messaging;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.switchboard.events.CloudEventHeaders;
import io.switchboard.events.EventCodec;
import io.switchboard.events.EventDecodingException;
import io.switchboard.events.SwitchboardEvent;

/**
 * Events on the wire: a JSON payload keyed by the event's aggregate, with the CloudEvents
 * attributes in the Kafka headers (binary mode).
 */
public final class EventMessages {

    private EventMessages() {
    }

    /** The Kafka message for an event, keyed by its aggregate so its events stay in order. */
    public static Message<byte[]> outgoing(SwitchboardEvent event, String source) {
        return outgoing(event, source, event.aggregateId());
    }

    public static Message<byte[]> outgoing(SwitchboardEvent event, String source, String key) {
        RecordHeaders headers = new RecordHeaders();
        CloudEventHeaders.of(event, source).toMap()
                .forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(key)
                .withHeaders(headers)
                .build();
        return Message.of(EventCodec.encode(event)).addMetadata(metadata);
    }

    /**
     * The event a consumed message carries, found by its ce_type header.
     *
     * @throws EventDecodingException when the headers or the payload are not a known event; the
     *         consumer's failure strategy then sends the message to its dead-letter topic.
     */
    public static SwitchboardEvent decode(Message<byte[]> message) {
        Headers headers = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(IncomingKafkaRecordMetadata::getHeaders)
                .orElseThrow(() -> new EventDecodingException(null, "Message has no Kafka metadata"));
        CloudEventHeaders attributes = CloudEventHeaders.fromBytes(name -> {
            Header header = headers.lastHeader(name);
            return header == null ? null : header.value();
        });
        return EventCodec.decode(attributes, message.getPayload());
    }
}
