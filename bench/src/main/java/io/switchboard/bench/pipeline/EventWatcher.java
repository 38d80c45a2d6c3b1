package io.switchboard.bench.pipeline;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

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
import io.switchboard.events.mention.MentionReceived;
import io.switchboard.events.routing.AssignmentDecided;
import io.switchboard.events.routing.AssignmentReleased;
import io.switchboard.events.ticket.MessageAdded;

/**
 * Watches the pipeline's outputs on Kafka as they happen, from the end of the topics: when each
 * bench mention was published by mention-service (and whether triage found it actionable), when it
 * became a ticket message, and when its ticket was assigned. It also keeps each ticket's holder as
 * routing's decisions say, to count a ticket given to a second agent without being released first.
 * Only the event types it times are decoded.
 */
public final class EventWatcher implements AutoCloseable {

    private static final String MENTION_RECEIVED = EventTypes.of(MentionReceived.class).ceType();
    private static final String MESSAGE_ADDED = EventTypes.of(MessageAdded.class).ceType();
    private static final String ASSIGNMENT_DECIDED = EventTypes.of(AssignmentDecided.class).ceType();
    private static final String ASSIGNMENT_RELEASED = EventTypes.of(AssignmentReleased.class).ceType();

    /** External id → nanoTime its MentionReceived was seen on {@code mentions}. */
    final Map<String, Long> publishedAt = new ConcurrentHashMap<>();
    /** External id → triage's verdict. */
    final Map<String, Boolean> actionable = new ConcurrentHashMap<>();
    /** External id → nanoTime its first MessageAdded was seen. */
    final Map<String, Long> ticketedAt = new ConcurrentHashMap<>();
    /** External id → the ticket message it became (the first one seen). */
    private final Map<String, UUID> messageOf = new ConcurrentHashMap<>();
    /** External id → the ticket its (first) message is in. */
    final Map<String, UUID> ticketOf = new ConcurrentHashMap<>();
    /** Ticket → nanoTime its first AssignmentDecided was seen. */
    final Map<UUID, Long> assignedAt = new ConcurrentHashMap<>();
    /** Ticket → the agent holding it, by routing's decisions. */
    private final Map<UUID, String> holder = new ConcurrentHashMap<>();
    /** A bench mention seen as a second, different ticket message. */
    final AtomicLong duplicateMessages = new AtomicLong();
    /** A ticket decided for another agent while still held. */
    final AtomicLong doubleAssignments = new AtomicLong();

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
        for (String topic : List.of(Topics.MENTIONS, Topics.TICKET_EVENTS, Topics.ROUTING_DECISIONS)) {
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
                if (MENTION_RECEIVED.equals(type)) {
                    mentionReceived((MentionReceived) EventCodec.decode(type, record.value()), seen);
                } else if (MESSAGE_ADDED.equals(type)) {
                    messageAdded((MessageAdded) EventCodec.decode(type, record.value()), seen);
                } else if (ASSIGNMENT_DECIDED.equals(type)) {
                    AssignmentDecided decided = (AssignmentDecided) EventCodec.decode(type, record.value());
                    assignedAt.putIfAbsent(decided.ticketId(), seen);
                    String before = holder.put(decided.ticketId(), decided.agentId());
                    if (before != null && !before.equals(decided.agentId())) {
                        doubleAssignments.incrementAndGet();
                    }
                } else if (ASSIGNMENT_RELEASED.equals(type)) {
                    AssignmentReleased released = (AssignmentReleased) EventCodec.decode(type, record.value());
                    holder.remove(released.ticketId(), released.agentId());
                }
            }
        }
        consumer.close();
    }

    private void mentionReceived(MentionReceived mention, long seen) {
        if (isOurs(mention.externalId())) {
            publishedAt.putIfAbsent(mention.externalId(), seen);
            actionable.put(mention.externalId(), mention.triage().actionable());
        }
    }

    private void messageAdded(MessageAdded added, long seen) {
        if (!isOurs(added.externalId())) {
            return;
        }
        UUID first = messageOf.putIfAbsent(added.externalId(), added.messageId());
        if (first == null) {
            ticketedAt.put(added.externalId(), seen);
            ticketOf.put(added.externalId(), added.ticketId());
        } else if (!first.equals(added.messageId())) {
            duplicateMessages.incrementAndGet(); // a republished event keeps its message id; a second message does not
        }
    }

    /** Triage's verdict on each bench mention seen published. */
    public Map<String, Boolean> verdicts() {
        return actionable;
    }

    public long duplicateMessages() {
        return duplicateMessages.get();
    }

    public long doubleAssignments() {
        return doubleAssignments.get();
    }

    private boolean isOurs(String externalId) {
        return externalId != null && externalId.startsWith(runPrefix);
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
