package io.switchboard.system.faults;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far the running services' consumers have come: the consumer groups that have live members (the
 * groups of stopped runs have none), which service each belongs to (a group's name starts with the
 * service's module name), and the offsets each has committed. A committed offset past a record means
 * the consumer is done with it and went on.
 */
final class ConsumerProgress implements AutoCloseable {

    /** A live consumer group of one service, and the partitions its members hold. */
    record Group(String id, String service, Set<TopicPartition> assigned) {
    }

    private final Admin admin;

    ConsumerProgress(String bootstrapServers) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        admin = Admin.create(config);
    }

    /** Live groups of the given service that consume {@code topic}. */
    List<Group> liveGroups(String service, String topic) throws Exception {
        List<String> ids = new ArrayList<>();
        for (ConsumerGroupListing listing : admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS)) {
            if (listing.groupId().startsWith(service + "-") || listing.groupId().equals(service)) {
                ids.add(listing.groupId());
            }
        }
        List<Group> live = new ArrayList<>();
        if (ids.isEmpty()) {
            return live;
        }
        for (ConsumerGroupDescription group : admin.describeConsumerGroups(ids).all().get(30, TimeUnit.SECONDS).values()) {
            Set<TopicPartition> assigned = new HashSet<>();
            for (MemberDescription member : group.members()) {
                assigned.addAll(member.assignment().topicPartitions());
            }
            if (assigned.stream().anyMatch(p -> p.topic().equals(topic))) {
                live.add(new Group(group.groupId(), service, assigned));
            }
        }
        return live;
    }

    Map<TopicPartition, Long> committed(String group) throws Exception {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (Map.Entry<TopicPartition, OffsetAndMetadata> e : admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                .get(30, TimeUnit.SECONDS).entrySet()) {
            if (e.getValue() != null) {
                offsets.put(e.getKey(), e.getValue().offset());
            }
        }
        return offsets;
    }

    @Override
    public void close() {
        admin.close();
    }
}
