package io.switchboard.ticket.infra;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.switchboard.events.Topics;
import io.switchboard.platform.testing.TestPlatform;

/**
 * Gives this test run Kafka topics of its own, in place of the test platform's shared ones: the
 * topics the service consumes (mentions, routing-decisions, delivery-events, read by a consumer
 * group of its own) and the one it produces (ticket-events), created empty at the start, with the
 * shared topics' partition counts, and deleted at the end.
 *
 * <p>The other modules' tests run on the same platform, often at the same time. On shared topics
 * their services react to this run's tickets: routing-service queues, assigns and escalates them
 * (a breached ticket moved to the supervisors' team, out of the agent's search), mention-service
 * delivers their replies; and this service threads their mentions. Dead-letter topics stay shared:
 * only this service writes its own, and tests find their records by key.
 *
 * <p>Tests keep using the topics' usual names; {@link io.switchboard.ticket.testing.RunTopics} maps them.
 */
public class PrivateTopicsTestResource implements QuarkusTestResourceLifecycleManager {

    static final List<String> CONSUMED = List.of(Topics.MENTIONS, Topics.ROUTING_DECISIONS, Topics.DELIVERY_EVENTS);
    static final String PRODUCED = Topics.TICKET_EVENTS;

    private final String run = "ticket-service-test-" + UUID.randomUUID();
    private final List<String> created = new ArrayList<>();

    @Override
    public Map<String, String> start() {
        List<String> shared = new ArrayList<>(CONSUMED);
        shared.add(PRODUCED);
        Map<String, String> config = new HashMap<>();
        try (Admin admin = admin()) {
            List<NewTopic> topics = new ArrayList<>();
            admin.describeTopics(shared).allTopicNames().get(30, TimeUnit.SECONDS).forEach((topic, description) ->
                    topics.add(new NewTopic(topic + "." + run, Optional.of(description.partitions().size()),
                            Optional.empty())));
            admin.createTopics(topics).all().get(60, TimeUnit.SECONDS);
            topics.forEach(topic -> created.add(topic.name()));
        } catch (Exception e) {
            throw new IllegalStateException("could not create this run's topics on the test platform's Kafka", e);
        }
        CONSUMED.forEach(topic -> {
            config.put("mp.messaging.incoming." + topic + ".topic", topic + "." + run);
            config.put("mp.messaging.incoming." + topic + ".group.id", run);
        });
        config.put("mp.messaging.outgoing." + PRODUCED + ".topic", PRODUCED + "." + run);
        return config;
    }

    @Override
    public void stop() {
        if (created.isEmpty()) {
            return;
        }
        try (Admin admin = admin()) {
            admin.deleteTopics(created).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            // Left behind, they hold nothing another run reads: each run has its own names.
        }
    }

    private static Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestPlatform.get().kafkaBootstrapServers());
        return Admin.create(props);
    }
}
