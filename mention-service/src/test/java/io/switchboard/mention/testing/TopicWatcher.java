package io.switchboard.mention.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.switchboard.events.CloudEventHeaders;
import io.switchboard.events.EventCodec;
import io.switchboard.events.SwitchboardEvent;

/**
 * Reads a topic of the shared test broker from the moment it was opened, so a test sees only what
 * happened after it started (other tests and other engineers' runs share the topics).
 */
public final class TopicWatcher implements AutoCloseable {

    /** A consumed record, decoded. */
    public record Received(String key, String ceType, SwitchboardEvent event) {
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<Received> received = new ArrayList<>();
    private final List<String> keys = new ArrayList<>();

    public TopicWatcher(String bootstrapServers, String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "mention-test-" + UUID.randomUUID());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end offsets now, before the test acts
    }

    /** Polls for {@code wait} and returns everything received so far that matches. */
    public List<Received> poll(Duration wait, Predicate<Received> filter) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                keys.add(record.key());
                try {
                    CloudEventHeaders ce = CloudEventHeaders.fromBytes(name -> {
                        Header h = record.headers().lastHeader(name);
                        return h == null ? null : h.value();
                    });
                    received.add(new Received(record.key(), ce.type(), EventCodec.decode(ce, record.value())));
                } catch (RuntimeException notAnEvent) {
                    // a dead-letter topic holds exactly such records: rawKeys() still sees them
                }
            }
        }
        return received.stream().filter(filter).toList();
    }

    /** Polls until {@code count} matching records arrived or {@code timeout} passed. */
    public List<Received> await(int count, Duration timeout, Predicate<Received> filter) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Received> matching = List.of();
        while (System.nanoTime() < deadline) {
            matching = poll(Duration.ofMillis(250), filter);
            if (matching.size() >= count) {
                return matching;
            }
        }
        return matching;
    }

    /** The keys of every record read (decodable or not) after polling for {@code wait}. */
    public List<String> rawKeys(Duration wait) {
        poll(wait, r -> true);
        return List.copyOf(keys);
    }

    public static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
