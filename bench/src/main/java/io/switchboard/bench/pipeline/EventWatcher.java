package io.switchboard.bench.pipeline;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.switchboard.events.CloudEventHeaders;
import io.switchboard.events.EventCodec;
import io.switchboard.events.EventTypes;
import io.switchboard.events.Topics;
import io.switchboard.events.routing.AssignmentDecided;
import io.switchboard.events.ticket.MessageAdded;

/**
 * Watches the pipeline's outputs on Kafka as they happen: when each bench mention became a ticket
 * message, and when its ticket was assigned. Reads from the end of the topics, decoding only the
 * two event types it times.
 */
public final class EventWatcher implements AutoCloseable {

    private static final String MESSAGE_ADDED = EventTypes.of(MessageAdded.class).ceType();
    private static final String ASSIGNMENT_DECIDED = EventTypes.of(AssignmentDecided.class).ceType();

    /** External id → nanoTime its MessageAdded was seen. */
    final Map<String, Long> ticketedAt = new ConcurrentHashMap<>();
    /** Ticket → the external id of the bench mention that opened it. */
    final Map<UUID, String> mentionOfTicket = new ConcurrentHashMap<>();
    /** Ticket → nanoTime its first AssignmentDecided was seen. */
    final Map<UUID, Long> assignedAt = new ConcurrentHashMap<>();

    private final KafkaConsumer<String, byte[]> consumer;
    private final String runPrefix;
    private final Thread thread;
    private volatile boolean running = true;

    public EventWatcher(String bootstrapServers, String runPrefix) {
        this.runPrefix = runPrefix;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000), new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(Topics.TICKET_EVENTS, Topics.ROUTING_DECISIONS)) {
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // pin the start before the load begins
        this.thread = new Thread(this::poll, "bench-event-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void poll() {
        while (running) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                long seen = System.nanoTime();
                String type = header(record, CloudEventHeaders.TYPE);
                if (MESSAGE_ADDED.equals(type)) {
                    MessageAdded added = (MessageAdded) EventCodec.decode(type, record.value());
                    if (added.externalId() != null && added.externalId().startsWith(runPrefix)) {
                        ticketedAt.putIfAbsent(added.externalId(), seen);
                        mentionOfTicket.putIfAbsent(added.ticketId(), added.externalId());
                    }
                } else if (ASSIGNMENT_DECIDED.equals(type)) {
                    AssignmentDecided decided = (AssignmentDecided) EventCodec.decode(type, record.value());
                    assignedAt.putIfAbsent(decided.ticketId(), seen);
                }
            }
        }
        consumer.close();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5000);
    }
}
