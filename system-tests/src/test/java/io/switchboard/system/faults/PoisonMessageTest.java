package io.switchboard.system.faults;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.common.TopicPartition;
import org.assertj.core.api.SoftAssertions;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

import io.switchboard.events.Topics;
import io.switchboard.events.Topics.Subscription;
import io.switchboard.events.routing.AssignmentDecided;
import io.switchboard.fakes.FakeXServer;
import io.switchboard.platform.Service;
import io.switchboard.platform.testing.DemoUsers;
import io.switchboard.system.faults.DeadLetterTopics.DeadLetter;
import io.switchboard.system.faults.PoisonRecords.Kind;
import io.switchboard.system.faults.PoisonRecords.Poison;
import io.switchboard.system.harness.SystemStack;
import io.switchboard.system.harness.SystemTest;
import io.switchboard.system.support.AgentsOnline;
import io.switchboard.system.support.RecordedConversations;
import io.switchboard.system.support.TicketTrail;
import io.switchboard.system.support.XCustomer;

/**
 * One poison message never blocks a partition. Malformed records go on every partition of every topic
 * (see {@link PoisonRecords}); then a real customer's post flows through the whole system (mention,
 * ticket, assignment to an agent who signed in, the agent's reply, its delivery), crossing every
 * topic and so partitions that hold poison. Every malformed record lands on the dead-letter topic of
 * each consumer that handles the type it claims ({@code <topic>.<consumer>.dlq}, once, with the headers
 * saying where from and why), a record without CloudEvents headers on every consumer's, a record of an
 * unknown type on none;
 * and every live consumer group of every service has committed past the poison on every partition.
 */
@SystemTest
class PoisonMessageTest {

    private static final Duration PATIENCE = Duration.ofMinutes(4);

    @Test
    void poisonOnEveryPartitionIsDeadLetteredAndEveryConsumerMovesOn(SystemStack stack) throws Exception {
        String run = Long.toString(System.currentTimeMillis(), 36);
        String kafka = stack.platform().kafkaBootstrapServers();
        try (DeadLetterTopics deadLetters = new DeadLetterTopics(kafka);
             AgentsOnline agents = AgentsOnline.signIn(stack, DemoUsers.AVA_USER);
             TicketTrail trail = new TicketTrail(stack)) {
            List<Poison> poison = new PoisonRecords(run, kafka).produceOnEveryPartition();

            aCustomerIsAnsweredThroughEveryTopic(stack, agents, trail);

            Map<String, Long> missing = awaitDeadLetters(poison, deadLetters);
            Map<String, List<TopicPartition>> behind = awaitEveryConsumerPast(kafka, poison);

            List<DeadLetter> ours = deadLetters.read().stream().filter(d -> d.key() != null && d.key().contains("-" + run + "-")).toList();
            Set<String> expected = poison.stream().flatMap(p -> expectedDeadLetterTopics(p).stream().map(dlq -> dlq + " " + p.key()))
                    .collect(Collectors.toSet());
            SoftAssertions soft = new SoftAssertions();
            soft.assertThat(missing).as("malformed records missing from the dead-letter topic of a consumer that handles their type,"
                    + " by dead-letter topic and kind").isEmpty();
            soft.assertThat(behind).as("consumer groups not past the poison, with the partitions").isEmpty();
            soft.assertThat(ours.stream().filter(d -> d.key().contains("-" + Kind.UNKNOWN_TYPE.name().toLowerCase(Locale.ROOT))).toList())
                    .as("a record of an unknown type is skipped, never dead-lettered").isEmpty();
            soft.assertThat(ours.stream().map(d -> d.deadLetterTopic() + " " + d.key()).filter(k -> !expected.contains(k)).toList())
                    .as("dead letters nobody should have written").isEmpty();
            soft.assertThat(ours.stream().collect(Collectors.groupingBy(d -> d.deadLetterTopic() + " " + d.key(), Collectors.counting()))
                    .entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList())
                    .as("records dead-lettered more than once by one consumer").isEmpty();
            for (DeadLetter d : ours) {
                soft.assertThat(d.fromTopic()).as(d.key() + " names the topic it came from")
                        .isEqualTo(d.deadLetterTopic().substring(0, d.deadLetterTopic().indexOf('.')));
                soft.assertThat(d.reason()).as(d.key() + " says why").isNotBlank();
            }
            soft.assertAll();
        }
    }

    /** Waits until every expected dead letter is there, or the patience runs out; returns what is still missing. */
    private static Map<String, Long> awaitDeadLetters(List<Poison> poison, DeadLetterTopics deadLetters) {
        Map<String, Long> missing = new TreeMap<>();
        try {
            Awaitility.await("every malformed record dead-lettered").atMost(PATIENCE).pollInterval(Duration.ofSeconds(2)).pollInSameThread()
                    .until(() -> {
                        missing.clear();
                        missing.putAll(missingDeadLetters(poison, deadLetters.read()));
                        return missing.isEmpty();
                    });
        } catch (ConditionTimeoutException e) {
            // what is missing is asserted with the rest
        }
        return missing;
    }

    /** A customer on X mentions us; the ticket is assigned to Ava, she answers publicly, the answer is delivered. */
    private static void aCustomerIsAnsweredThroughEveryTopic(SystemStack stack, AgentsOnline agents, TicketTrail trail) {
        XCustomer customer = new XCustomer(stack.fakeX(), RecordedConversations.get(1));
        byte[] post = customer.accountActivityPost(RecordedConversations.get(1).customerTurns().get(0).text());
        given().contentType("application/json").header(FakeXServer.WEBHOOK_SIGNATURE_HEADER, FakeXServer.webhookSignature(post))
                .body(post).post(stack.baseUrl(Service.MENTION) + "/api/v1/channels/x/webhook").then().statusCode(200);
        UUID ticket = trail.awaitOneTicketFor(customer.posts());
        AssignmentDecided assigned = trail.awaitAssignment(ticket);
        agents.gatewayAs(assigned.agentId()).contentType("application/json")
                .body(Map.of("text", "Thanks for telling us, we are looking into it.", "visibility", "PUBLIC"))
                .post("/api/v1/tickets/{id}/replies", ticket).then().statusCode(201);
        trail.awaitReplyDelivery(ticket, "DELIVERED");
    }

    /** The dead-letter topics a poison record must reach. */
    private static Set<String> expectedDeadLetterTopics(Poison p) {
        String topic = p.partition().topic();
        return switch (p.kind()) {
            case BAD_JSON, WRONG_ENCODING -> p.aim().consumers().stream().map(consumer -> Topics.deadLetterTopic(topic, consumer))
                    .collect(Collectors.toSet());
            case NO_HEADERS -> Topics.SUBSCRIPTIONS.stream().filter(s -> s.topic().equals(topic)).map(Subscription::deadLetterTopic)
                    .collect(Collectors.toSet());
            case UNKNOWN_TYPE -> Set.of();
        };
    }

    /** How many expected dead letters are not there yet, by dead-letter topic and kind of poison. */
    private static Map<String, Long> missingDeadLetters(List<Poison> poison, List<DeadLetter> read) {
        Set<String> found = read.stream().map(d -> d.deadLetterTopic() + " " + d.key()).collect(Collectors.toSet());
        return poison.stream()
                .flatMap(p -> expectedDeadLetterTopics(p).stream().filter(dlq -> !found.contains(dlq + " " + p.key()))
                        .map(dlq -> dlq + " " + p.kind()))
                .collect(Collectors.groupingBy(missing -> missing, TreeMap::new, Collectors.counting()));
    }

    /**
     * Waits until every live group of every consumer of every topic has committed beyond the last
     * poison record of each partition; returns the groups still behind (with the partitions).
     */
    private static Map<String, List<TopicPartition>> awaitEveryConsumerPast(String kafka, List<Poison> poison) throws Exception {
        Map<TopicPartition, Long> lastPoison = new HashMap<>();
        poison.forEach(p -> lastPoison.merge(p.partition(), p.offset(), Math::max));
        Map<String, List<TopicPartition>> stuck = new TreeMap<>();
        try (ConsumerProgress progress = new ConsumerProgress(kafka)) {
            for (Subscription s : Topics.SUBSCRIPTIONS) {
                List<ConsumerProgress.Group> groups = progress.liveGroups(s.consumer(), s.topic());
                if (groups.isEmpty()) {
                    stuck.put(s.consumer() + " on " + s.topic() + ": no live consumer group", List.of());
                }
                for (ConsumerProgress.Group group : groups) {
                    List<TopicPartition> late = new ArrayList<>();
                    try {
                        Awaitility.await(group.id() + " past the poison").atMost(PATIENCE).pollInterval(Duration.ofSeconds(2))
                                .until(() -> {
                                    late.clear();
                                    late.addAll(behind(progress.committed(group.id()), lastPoison, s.topic()));
                                    return late.isEmpty();
                                });
                    } catch (ConditionTimeoutException e) {
                        stuck.put(group.id(), List.copyOf(late));
                    }
                }
            }
        }
        return stuck;
    }

    private static List<TopicPartition> behind(Map<TopicPartition, Long> committed, Map<TopicPartition, Long> lastPoison, String topic) {
        return lastPoison.entrySet().stream().filter(e -> e.getKey().topic().equals(topic))
                .filter(e -> committed.getOrDefault(e.getKey(), -1L) <= e.getValue()).map(Map.Entry::getKey).toList();
    }
}
