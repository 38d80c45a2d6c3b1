package io.switchboard.system.support;

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
import org.awaitility.Awaitility;

import io.switchboard.events.CloudEventHeaders;
import io.switchboard.events.EventCodec;
import io.switchboard.events.SwitchboardEvent;

/**
 * A topic read from the moment this was opened (its end), decoded: what a test sees is only what
 * happened after it began, on a broker other runs share. Not thread-safe; awaits poll in the caller's thread.
 */
public final class TopicTail implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<SwitchboardEvent> events = new ArrayList<>();

    private TopicTail(String bootstrapServers, String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(15)).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // fix the end offsets now, before the test acts
    }

    public static TopicTail fromEnd(String bootstrapServers, String topic) {
        return new TopicTail(bootstrapServers, topic);
    }

    /** Every event of {@code type} matching {@code filter} read so far, after reading what has arrived. */
    public <T extends SwitchboardEvent> List<T> events(Class<T> type, Predicate<T> filter) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(300))) {
            try {
                CloudEventHeaders headers = CloudEventHeaders.fromBytes(name -> {
                    Header h = record.headers().lastHeader(name);
                    return h == null ? null : h.value();
                });
                events.add(EventCodec.decode(headers, record.value()));
            } catch (RuntimeException notOurs) {
                // another run's probe or poison message: not an event of the contract
            }
        }
        return events.stream().filter(type::isInstance).map(type::cast).filter(filter).toList();
    }

    /** Waits until {@code count} matching events have been read, and returns them. */
    public <T extends SwitchboardEvent> List<T> await(int count, Class<T> type, Predicate<T> filter, Duration timeout) {
        return Awaitility.await().alias(count + " " + type.getSimpleName()).atMost(timeout).pollInSameThread().pollInterval(Duration.ofMillis(200))
                .until(() -> events(type, filter), found -> found.size() >= count);
    }

    /** Waits for the first matching event. */
    public <T extends SwitchboardEvent> T awaitFirst(Class<T> type, Predicate<T> filter, Duration timeout) {
        return await(1, type, filter, timeout).get(0);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
