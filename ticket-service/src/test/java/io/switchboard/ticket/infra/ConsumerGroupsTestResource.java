package io.switchboard.ticket.infra;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.switchboard.events.Topics;
import io.switchboard.platform.testing.TestPlatform;

/**
 * Gives this test run's service a consumer group of its own, starting at the current end of each
 * topic it consumes. The topics are shared with every other module's tests: without this, a run
 * would first wade through everything they published (routing decisions about tickets this
 * database never had, ...), and two runs would split the partitions between them.
 */
public class ConsumerGroupsTestResource implements QuarkusTestResourceLifecycleManager {

    static final List<String> CONSUMED = List.of(Topics.MENTIONS, Topics.ROUTING_DECISIONS, Topics.DELIVERY_EVENTS);

    @Override
    public Map<String, String> start() {
        String group = "ticket-service-test-" + UUID.randomUUID();
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestPlatform.get().kafkaBootstrapServers());
        try (Admin admin = Admin.create(props)) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(CONSUMED).allTopicNames().get(30, TimeUnit.SECONDS).forEach((topic, description) ->
                    description.partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()),
                            OffsetSpec.latest())));
            Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
            admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS)
                    .forEach((partition, info) -> start.put(partition, new OffsetAndMetadata(info.offset())));
            admin.alterConsumerGroupOffsets(group, start).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not prepare the test consumer group on the test platform's Kafka", e);
        }
        Map<String, String> config = new HashMap<>();
        CONSUMED.forEach(topic -> config.put("mp.messaging.incoming." + topic + ".group.id", group));
        return config;
    }

    @Override
    public void stop() {
    }
}
