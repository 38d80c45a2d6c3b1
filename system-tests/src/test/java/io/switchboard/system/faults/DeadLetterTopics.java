package io.switchboard.system.faults;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.switchboard.events.CloudEventHeaders;
import io.switchboard.events.Topics;

/**
 * Every consumer's dead-letter topic ({@code <topic>.<consumer>.dlq}), read from where each ended
 * when this was opened: what lands there afterwards, with the headers the dead-letter strategy adds.
 */
final class DeadLetterTopics implements AutoCloseable {

    /**
     * One dead-lettered record: which dead-letter topic, its key, the headers saying where it came from
     * and why, and its CloudEvents subject (the aggregate, e.g. the mention id), if it had one.
     */
    record DeadLetter(String deadLetterTopic, String key, String fromTopic, String reason, String subject) {
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<DeadLetter> read = new ArrayList<>();

    DeadLetterTopics(String bootstrapServers) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : Topics.deadLetterTopics()) {
            consumer.partitionsFor(topic, Duration.ofSeconds(15)).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // fix the ends now, before anything is produced
    }

    /** Everything dead-lettered since this was opened, after reading what has arrived. */
    List<DeadLetter> read() {
        ConsumerRecords<String, byte[]> records;
        do {
            records = consumer.poll(Duration.ofMillis(500));
            for (ConsumerRecord<String, byte[]> r : records) {
                read.add(new DeadLetter(r.topic(), r.key(), header(r, "dead-letter-topic"), header(r, "dead-letter-reason"),
                        header(r, CloudEventHeaders.SUBJECT)));
            }
        } while (!records.isEmpty());
        return List.copyOf(read);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
