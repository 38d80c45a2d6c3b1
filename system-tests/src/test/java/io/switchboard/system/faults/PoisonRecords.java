package io.switchboard.system.faults;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
import io.switchboard.events.agent.AgentPresenceChanged;
import io.switchboard.events.delivery.ReplyDelivered;
import io.switchboard.events.mention.MentionReceived;
import io.switchboard.events.routing.AssignmentDecided;
import io.switchboard.events.ticket.ReplyRequested;
import io.switchboard.events.ticket.TicketOpened;

/**
 * Malformed records, put on every partition of every topic: for each type in {@link #AIMS} (which
 * together reach every consumer) a record whose body is not JSON and one whose body is not UTF-8
 * (Latin-1 bytes); for each topic a record without any CloudEvents header, and one of a type nobody
 * knows. Keys name the run, the
 * topic, the partition and the kind, so the dead-letter topics can be searched for them.
 */
final class PoisonRecords {

    /** What is wrong with a record, and what its consumers must do with it. */
    enum Kind {
        /** A handled ce_type, a body that is not JSON: dead-lettered by the consumers that handle the type. */
        BAD_JSON,
        /** A handled ce_type, a body in Latin-1 instead of UTF-8: dead-lettered by the consumers that handle the type. */
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

    /** One record as produced: where it landed, what it is, and (for a malformed body) the type it claims. */
    record Poison(String key, Kind kind, Aim aim, TopicPartition partition, long offset) {
    }

    /**
     * Types to poison, each with the consumers of its topic that handle it (the services' READMEs):
     * together they reach every consumer of every topic, and a malformed record of one is expected
     * on the dead-letter topic of exactly those consumers (the others skip the type unread).
     */
    record Aim(String topic, String ceType, Set<String> consumers) {
    }

    static final List<Aim> AIMS = List.of(
            new Aim(Topics.MENTIONS, ceType(MentionReceived.class), Set.of(Topics.TICKET_SERVICE)),
            new Aim(Topics.TICKET_EVENTS, ceType(ReplyRequested.class), Set.of(Topics.MENTION_SERVICE)),
            new Aim(Topics.TICKET_EVENTS, ceType(TicketOpened.class), Set.of(Topics.ROUTING_SERVICE, Topics.AGENT_GATEWAY)),
            new Aim(Topics.ROUTING_DECISIONS, ceType(AssignmentDecided.class), Set.of(Topics.TICKET_SERVICE, Topics.AGENT_GATEWAY)),
            new Aim(Topics.AGENT_EVENTS, ceType(AgentPresenceChanged.class), Set.of(Topics.ROUTING_SERVICE)),
            new Aim(Topics.DELIVERY_EVENTS, ceType(ReplyDelivered.class), Set.of(Topics.TICKET_SERVICE)));

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
                produced.add(new Poison(p.key(), p.kind(), p.aim(), p.partition(), m.offset()));
            }
        }
        return produced;
    }

    private List<Poison> plannedFor(String topic, int partition) {
        TopicPartition where = new TopicPartition(topic, partition);
        List<Poison> planned = new ArrayList<>();
        for (Aim aim : AIMS) {
            if (aim.topic().equals(topic)) {
                planned.add(planned(where, Kind.BAD_JSON, aim));
                planned.add(planned(where, Kind.WRONG_ENCODING, aim));
            }
        }
        planned.add(planned(where, Kind.NO_HEADERS, null));
        planned.add(planned(where, Kind.UNKNOWN_TYPE, null));
        return planned;
    }

    private Poison planned(TopicPartition where, Kind kind, Aim aim) {
        String key = "poison-" + run + "-" + where.topic() + "-" + where.partition() + "-" + kind.name().toLowerCase(Locale.ROOT)
                + (aim == null ? "" : "-" + aim.ceType());
        return new Poison(key, kind, aim, where, -1);
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
            String ceType = poison.kind() == Kind.UNKNOWN_TYPE ? UNKNOWN_CE_TYPE : poison.aim().ceType();
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
