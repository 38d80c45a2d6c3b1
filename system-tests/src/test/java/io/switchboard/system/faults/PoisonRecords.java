package io.switchboard.system.faults;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.switchboard.events.CloudEventHeaders;
import io.switchboard.events.EventTypes;
import io.switchboard.events.Topics;
import io.switchboard.events.Topics.Subscription;
import io.switchboard.events.agent.AgentPresenceChanged;
import io.switchboard.events.delivery.ReplyDelivered;
import io.switchboard.events.mention.MentionReceived;
import io.switchboard.events.routing.AssignmentDecided;
import io.switchboard.events.ticket.ReplyRequested;
import io.switchboard.events.ticket.TicketOpened;

/**
 * Malformed records, put on every partition of every topic: for each consumer a record of a type it
 * handles whose body is not JSON, and one whose body is not UTF-8 (Latin-1 bytes); for each topic a
 * record without any CloudEvents header, and one of a type nobody knows. Keys name the run, the
 * topic, the partition and the kind, so the dead-letter topics can be searched for them.
 */
final class PoisonRecords {

    /** What is wrong with a record, and what its consumers must do with it. */
    enum Kind {
        /** A handled ce_type, a body that is not JSON: dead-lettered by the consumer it is aimed at. */
        BAD_JSON,
        /** A handled ce_type, a body in Latin-1 instead of UTF-8: dead-lettered by the consumer it is aimed at. */
        WRONG_ENCODING,
        /** No CloudEvents headers at all: nothing says what it is, so every consumer of the topic dead-letters it. */
        NO_HEADERS,
        /**
         * A well-formed record of a type no consumer knows: skipped, never dead-lettered (the events
         * contract: a new type or version on a topic must not flood the dead-letter topics of consumers
         * that do not care about it).
         */
        UNKNOWN_TYPE
    }

    /** One record as produced: where it landed and what it is. */
    record Poison(String key, Kind kind, String aimedAt, TopicPartition partition, long offset) {
    }

    /** A ce_type each consumer handles, so a malformed body of that type is really read by it. */
    static final Map<Subscription, String> HANDLED = Map.of(
            new Subscription(Topics.TICKET_EVENTS, Topics.MENTION_SERVICE), ceType(ReplyRequested.class),
            new Subscription(Topics.MENTIONS, Topics.TICKET_SERVICE), ceType(MentionReceived.class),
            new Subscription(Topics.ROUTING_DECISIONS, Topics.TICKET_SERVICE), ceType(AssignmentDecided.class),
            new Subscription(Topics.DELIVERY_EVENTS, Topics.TICKET_SERVICE), ceType(ReplyDelivered.class),
            new Subscription(Topics.TICKET_EVENTS, Topics.ROUTING_SERVICE), ceType(TicketOpened.class),
            new Subscription(Topics.AGENT_EVENTS, Topics.ROUTING_SERVICE), ceType(AgentPresenceChanged.class),
            new Subscription(Topics.TICKET_EVENTS, Topics.AGENT_GATEWAY), ceType(TicketOpened.class),
            new Subscription(Topics.ROUTING_DECISIONS, Topics.AGENT_GATEWAY), ceType(AssignmentDecided.class));

    static final String UNKNOWN_CE_TYPE = "switchboard.poison.unknown.v1";

    private final String run;
    private final String bootstrapServers;

    PoisonRecords(String run, String bootstrapServers) {
        this.run = run;
        this.bootstrapServers = bootstrapServers;
    }

    /** Puts every kind on every partition of every topic; returns what was produced, with offsets. */
    List<Poison> produceOnEveryPartition() throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        List<Poison> produced = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            List<Poison> planned = new ArrayList<>();
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (String topic : Topics.ALL) {
                for (PartitionInfo info : producer.partitionsFor(topic)) {
                    for (Poison poison : plannedFor(topic, info.partition())) {
                        planned.add(poison);
                        sent.add(producer.send(record(poison)));
                    }
                }
            }
            producer.flush();
            for (int i = 0; i < planned.size(); i++) {
                RecordMetadata m = sent.get(i).get(60, TimeUnit.SECONDS);
                Poison p = planned.get(i);
                produced.add(new Poison(p.key(), p.kind(), p.aimedAt(), p.partition(), m.offset()));
            }
        }
        return produced;
    }

    private List<Poison> plannedFor(String topic, int partition) {
        TopicPartition where = new TopicPartition(topic, partition);
        List<Poison> planned = new ArrayList<>();
        for (Subscription s : Topics.SUBSCRIPTIONS) {
            if (s.topic().equals(topic)) {
                planned.add(planned(where, Kind.BAD_JSON, s.consumer()));
                planned.add(planned(where, Kind.WRONG_ENCODING, s.consumer()));
            }
        }
        planned.add(planned(where, Kind.NO_HEADERS, null));
        planned.add(planned(where, Kind.UNKNOWN_TYPE, null));
        return planned;
    }

    private Poison planned(TopicPartition where, Kind kind, String aimedAt) {
        String key = "poison-" + run + "-" + where.topic() + "-" + where.partition() + "-" + kind.name().toLowerCase(Locale.ROOT)
                + (aimedAt == null ? "" : "-" + aimedAt);
        return new Poison(key, kind, aimedAt, where, -1);
    }

    private static ProducerRecord<String, byte[]> record(Poison poison) {
        byte[] body = switch (poison.kind()) {
            case BAD_JSON -> "{\"eventId\": \"not json at all".getBytes(StandardCharsets.UTF_8);
            case WRONG_ENCODING -> ("{\"eventId\":\"" + UUID.randomUUID() + "\",\"note\":\"caf\u00e9 cr\u00e8me\"}")
                    .getBytes(StandardCharsets.ISO_8859_1);
            case NO_HEADERS, UNKNOWN_TYPE -> ("{\"eventId\":\"" + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8);
        };
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(poison.partition().topic(), poison.partition().partition(),
                poison.key(), body);
        if (poison.kind() != Kind.NO_HEADERS) {
            String ceType = poison.kind() == Kind.UNKNOWN_TYPE ? UNKNOWN_CE_TYPE
                    : HANDLED.get(new Subscription(poison.partition().topic(), poison.aimedAt()));
            header(record, CloudEventHeaders.SPECVERSION, CloudEventHeaders.SPEC_VERSION_1_0);
            header(record, CloudEventHeaders.ID, UUID.randomUUID().toString());
            header(record, CloudEventHeaders.TYPE, ceType);
            header(record, CloudEventHeaders.SOURCE, "/switchboard/system-tests/poison");
            header(record, CloudEventHeaders.TIME, Instant.now().toString());
            header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.APPLICATION_JSON);
        }
        return record;
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String ceType(Class<?> type) {
        return EventTypes.of(type).ceType();
    }
}
