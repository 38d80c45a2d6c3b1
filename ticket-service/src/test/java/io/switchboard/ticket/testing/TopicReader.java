package io.switchboard.ticket.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reads a topic of the real broker from the moment it is opened (no consumer group, so it never
 * disturbs the service's own consumers). Other tests share the topics: filter by key.
 */
public final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    /** @param topic the usual name; the run's own topic is read (see {@link RunTopics}) */
    public TopicReader(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(RunTopics.of(topic)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // fix the start now, before anything is published
    }

    /** Every record read so far with this key, in partition order, after polling for {@code wait}. */
    public List<ConsumerRecord<String, byte[]>> records(String key, Duration wait) {
        poll(wait);
        return seen.stream().filter(r -> key.equals(r.key())).toList();
    }

    /** Polls until a record matches, or fails after the test platform's patience. */
    public ConsumerRecord<String, byte[]> await(Predicate<ConsumerRecord<String, byte[]>> match) {
        long deadline = System.nanoTime() + TestDb.PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> record : seen) {
                if (match.test(record)) {
                    return record;
                }
            }
            poll(Duration.ofMillis(300));
        }
        throw new AssertionError("no matching record within " + TestDb.PATIENCE);
    }

    private void poll(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        do {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        } while (System.nanoTime() < deadline);
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
