package io.switchboard.ticket.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import io.switchboard.events.CloudEventHeaders;
import io.switchboard.events.EventCodec;
import io.switchboard.events.SwitchboardEvent;

/** Publishes events to the real broker the way the other services do (JSON + CloudEvents headers), on the run's topics. */
public final class TestEvents implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final String source;

    public TestEvents(String producingService) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        this.source = CloudEventHeaders.sourceOf(producingService);
    }

    public void publish(SwitchboardEvent event) {
        send(record(event));
    }

    private ProducerRecord<String, byte[]> record(SwitchboardEvent event) {
        RecordHeaders headers = new RecordHeaders();
        CloudEventHeaders.of(event, source).toMap()
                .forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        return new ProducerRecord<>(RunTopics.of(event.descriptor().topic()), null, event.partitionKey(),
                EventCodec.encode(event), headers);
    }

    public void publishAll(List<? extends SwitchboardEvent> events) {
        events.forEach(this::publish);
    }

    /**
     * Publishes the events at once (sent together, then awaited), so they reach a consumer as a
     * backlog, as under load, rather than one by one as it polls.
     */
    public void publishBurst(List<? extends SwitchboardEvent> events) {
        List<Future<?>> sent = new ArrayList<>();
        for (SwitchboardEvent event : events) {
            sent.add(producer.send(record(event)));
        }
        producer.flush();
        for (Future<?> one : sent) {
            await(one, RunTopics.of(events.get(0).descriptor().topic()));
        }
    }

    /** Sends raw bytes with the given headers, for malformed-input tests. */
    public void publishRaw(String topic, String key, byte[] value, java.util.Map<String, String> headerValues) {
        RecordHeaders headers = new RecordHeaders();
        headerValues.forEach((name, value2) -> headers.add(name, value2.getBytes(StandardCharsets.UTF_8)));
        send(new ProducerRecord<>(RunTopics.of(topic), null, key, value, headers));
    }

    private void send(ProducerRecord<String, byte[]> record) {
        await(producer.send(record), record.topic());
    }

    private static void await(Future<?> sent, String topic) {
        try {
            sent.get(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
