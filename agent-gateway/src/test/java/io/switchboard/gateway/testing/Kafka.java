package io.switchboard.gateway.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.switchboard.events.CloudEventHeaders;
import io.switchboard.events.EventCodec;
import io.switchboard.events.SwitchboardEvent;
import io.switchboard.platform.testing.TestPlatform;

/** The test platform's real Kafka: publish events as the other services do, and read what the gateway publishes. */
public final class Kafka {

    private static KafkaProducer<String, byte[]> producer;

    private Kafka() {
    }

    public static String bootstrapServers() {
        return TestPlatform.get().kafkaBootstrapServers();
    }

    /** Publishes an event to its topic, keyed and with CloudEvents headers, as its producing service would. */
    public static void publish(SwitchboardEvent event, String source) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(event.descriptor().topic(), event.partitionKey(),
                EventCodec.encode(event));
        CloudEventHeaders.of(event, source).toMap()
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        send(record);
    }

    /** A raw record, e.g. a poison message with a known ce_type and a broken payload. */
    public static void publishRaw(String topic, String key, Map<String, String> headers, byte[] value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, v) -> record.headers().add(name, v.getBytes(StandardCharsets.UTF_8)));
        send(record);
    }

    private static synchronized void send(ProducerRecord<String, byte[]> record) {
        if (producer == null) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            producer = new KafkaProducer<>(p);
        }
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + record.topic(), e);
        }
    }

    /**
     * A reader of a topic from its current end: positioned before the test acts, so it sees only
     * what comes after (the topic is shared with other tests).
     */
    public static final class Reader implements AutoCloseable {

        private final KafkaConsumer<String, byte[]> consumer;
        private final java.util.ArrayDeque<ConsumerRecord<String, byte[]>> pending = new java.util.ArrayDeque<>();

        public Reader(String topic) {
            Properties p = new Properties();
            p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
            p.put(ConsumerConfig.GROUP_ID_CONFIG, "gateway-test-" + UUID.randomUUID());
            p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
            consumer = new KafkaConsumer<>(p);
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // resolve the end now, before the test acts
        }

        /** Waits for a record matching the predicate; fails after the timeout. */
        public ConsumerRecord<String, byte[]> await(Predicate<ConsumerRecord<String, byte[]>> wanted, Duration timeout) {
            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (pending.isEmpty()) {
                    consumer.poll(Duration.ofMillis(200)).forEach(pending::add);
                }
                // Records after the match stay pending for the next await, in order.
                while (!pending.isEmpty()) {
                    ConsumerRecord<String, byte[]> record = pending.poll();
                    seen.add(record);
                    if (wanted.test(record)) {
                        return record;
                    }
                }
            }
            throw new AssertionError("no matching record within " + timeout + " (" + seen.size() + " others seen)");
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
