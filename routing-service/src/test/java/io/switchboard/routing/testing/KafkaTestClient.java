package io.switchboard.routing.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.switchboard.events.CloudEventHeaders;
import io.switchboard.events.EventCodec;
import io.switchboard.events.SwitchboardEvent;

/**
 * Talks to the test platform's real Kafka like the other services do: publishes events with their
 * CloudEvents headers, and reads a topic from its current end, keeping only what a test asks for
 * (the topics are shared with other tests).
 */
public final class KafkaTestClient implements AutoCloseable {

    private final String bootstrap;
    private final KafkaProducer<String, byte[]> producer;

    public KafkaTestClient(String bootstrap) {
        this.bootstrap = bootstrap;
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    public void publish(SwitchboardEvent event, String source) {
        send(event.descriptor().topic(), event.partitionKey(), CloudEventHeaders.of(event, source).toMap(),
                EventCodec.encode(event));
    }

    public void send(String topic, String key, Map<String, String> headers, byte[] value) {
        try {
            producer.send(record(topic, key, headers, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish to " + topic, e);
        }
    }

    /**
     * Publishes the events under one key, without waiting between them: one partition, one producer
     * batch, so a consumer reads them in one poll (as under load).
     */
    public void publishTogether(String key, List<SwitchboardEvent> events, String source) {
        List<Future<?>> sent = new ArrayList<>();
        for (SwitchboardEvent event : events) {
            sent.add(producer.send(record(event.descriptor().topic(), key, CloudEventHeaders.of(event, source).toMap(),
                    EventCodec.encode(event))));
        }
        try {
            for (Future<?> f : sent) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish", e);
        }
    }

    private static ProducerRecord<String, byte[]> record(String topic, String key, Map<String, String> headers, byte[] value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, v) -> record.headers().add(name, v.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    /** A reader of the topic from its end as of now. */
    public Reader readFromNow(String topic) {
        return new Reader(topic);
    }

    @Override
    public void close() {
        producer.close();
    }

    public final class Reader implements AutoCloseable {

        private final KafkaConsumer<String, byte[]> consumer;
        private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

        Reader(String topic) {
            Properties p = new Properties();
            p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            p.put(ConsumerConfig.GROUP_ID_CONFIG, "routing-test-reader-" + UUID.randomUUID());
            p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
        }

        /** Waits until records matching the filter arrive; returns every matching record seen so far. */
        public List<ConsumerRecord<String, byte[]>> await(Predicate<ConsumerRecord<String, byte[]>> filter, int atLeast,
                Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                List<ConsumerRecord<String, byte[]>> matching = seen.stream().filter(filter).toList();
                if (matching.size() >= atLeast || System.nanoTime() > deadline) {
                    return matching;
                }
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            }
        }

        public List<SwitchboardEvent> events(String key, int atLeast, Duration timeout) {
            return await(r -> key.equals(r.key()), atLeast, timeout).stream()
                    .map(r -> EventCodec.decode(header(r, CloudEventHeaders.TYPE), r.value()))
                    .toList();
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
