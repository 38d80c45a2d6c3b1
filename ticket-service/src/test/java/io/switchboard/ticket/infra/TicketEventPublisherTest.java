package io.switchboard.ticket.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.events.Actor;
import io.switchboard.events.CloudEventHeaders;
import io.switchboard.events.EventCodec;
import io.switchboard.events.Topics;
import io.switchboard.events.ticket.TicketStatus;
import io.switchboard.events.ticket.TicketStatusChanged;
import io.switchboard.ticket.infra.messaging.TicketEventPublisher;
import io.switchboard.ticket.testing.RunTopics;
import jakarta.inject.Inject;

/** An event published through the service's Kafka channel comes back from the real broker intact. */
@QuarkusTest
class TicketEventPublisherTest {

    @Inject
    TicketEventPublisher publisher;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void aPublishedEventIsReadBackWithItsKeyAndCloudEventsHeaders() {
        UUID ticketId = UUID.randomUUID();
        TicketStatusChanged sent = TicketStatusChanged.of(ticketId, TicketStatus.NEW, TicketStatus.OPEN,
                Actor.agent("agent-subject"));

        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(RunTopics.of(Topics.TICKET_EVENTS)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // fix the start before publishing

            publisher.publish(sent).await().atMost(Duration.ofSeconds(30));

            ConsumerRecord<String, byte[]> received = pollFor(consumer, ticketId.toString())
                    .orElseThrow(() -> new AssertionError("event not read back from " + Topics.TICKET_EVENTS));
            Map<String, String> headers = new HashMap<>();
            received.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
            assertThat(headers)
                    .containsEntry(CloudEventHeaders.ID, sent.eventId().toString())
                    .containsEntry(CloudEventHeaders.TYPE, "switchboard.ticket.status.changed.v1")
                    .containsEntry(CloudEventHeaders.SOURCE, "/switchboard/ticket-service")
                    .containsEntry(CloudEventHeaders.SUBJECT, ticketId.toString())
                    .containsKeys(CloudEventHeaders.SPECVERSION, CloudEventHeaders.TIME);
            assertThat(EventCodec.decode(CloudEventHeaders.from(headers), received.value())).isEqualTo(sent);
        }
    }

    private Optional<ConsumerRecord<String, byte[]>> pollFor(KafkaConsumer<String, byte[]> consumer, String key) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                if (key.equals(record.key())) {
                    return Optional.of(record);
                }
            }
        }
        return Optional.empty();
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
