package io.switchboard.bench.load;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import io.switchboard.events.Topics;

/**
 * The services' consumer lag during a run, every two seconds: per consumer group and topic, the
 * records the group has not yet committed. The services commit with SmallRye's throttled strategy
 * (about every five seconds), so a lag of a few seconds' worth of records is normal; a lag that
 * keeps growing is the stage that cannot keep up.
 */
public final class ConsumerLag implements AutoCloseable {

    /** Highest and mean lag seen of one group on one topic. */
    public record Lag(long max, double mean, long last) {
    }

    private final Admin admin;
    private final Map<String, long[]> samples = new ConcurrentHashMap<>(); // key → {max, sum, count, last}
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "consumer-lag");
        thread.setDaemon(true);
        return thread;
    });

    public ConsumerLag(String bootstrapServers) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    public ConsumerLag start() {
        timer.scheduleWithFixedDelay(this::sample, 0, 2, TimeUnit.SECONDS);
        return this;
    }

    /** The current lag of every service group with members (the gateway's per-instance groups named by their prefix). */
    public Map<String, Long> now() throws Exception {
        Map<String, Long> lag = new TreeMap<>();
        List<String> named = admin.listConsumerGroups().all().get().stream().map(ConsumerGroupListing::groupId)
                .filter(ConsumerLag::isService).toList();
        // A gateway instance that stopped leaves its group behind, empty and ever further behind: skip it.
        List<String> groups = admin.describeConsumerGroups(named).all().get().values().stream()
                .filter(description -> !description.members().isEmpty()).map(description -> description.groupId()).toList();
        for (String group : groups) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            committed.values().removeIf(java.util.Objects::isNull);
            if (committed.isEmpty()) {
                continue;
            }
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(committed.keySet().stream()
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get();
            Map<String, Long> byTopic = new HashMap<>();
            committed.forEach((partition, offset) -> byTopic.merge(partition.topic(),
                    Math.max(0, ends.get(partition).offset() - offset.offset()), Long::sum));
            byTopic.forEach((topic, records) -> lag.put(label(group) + " on " + topic, records));
        }
        return lag;
    }

    /**
     * Waits until the services have consumed what was published (their lag, all groups and topics
     * together, at most {@code slack} records twice in a row five seconds apart), or the limit passes.
     * Returns the lag at the end.
     */
    public Map<String, Long> awaitCaughtUp(long slack, java.time.Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        int calm = 0;
        Map<String, Long> lag = now();
        while (System.nanoTime() < deadline) {
            lag = now();
            calm = lag.values().stream().mapToLong(Long::longValue).sum() <= slack ? calm + 1 : 0;
            if (calm >= 2) {
                break;
            }
            Thread.sleep(5000);
        }
        return lag;
    }

    private void sample() {
        try {
            now().forEach((key, lag) -> samples.compute(key, (k, s) -> {
                long[] next = s == null ? new long[4] : s;
                next[0] = Math.max(next[0], lag);
                next[1] += lag;
                next[2]++;
                next[3] = lag;
                return next;
            }));
        } catch (Exception e) {
            // a missed sample; the next one counts
        }
    }

    public Map<String, Lag> stop() {
        timer.shutdownNow();
        Map<String, Lag> result = new TreeMap<>();
        samples.forEach((key, s) -> result.put(key, new Lag(s[0], s[2] == 0 ? 0 : (double) s[1] / s[2], s[3])));
        return result;
    }

    private static boolean isService(String group) {
        return group.equals(Topics.TICKET_SERVICE) || group.equals(Topics.ROUTING_SERVICE) || group.equals(Topics.MENTION_SERVICE)
                || group.startsWith(Topics.AGENT_GATEWAY + "-");
    }

    /** The gateway's groups carry an instance id; one label per topic is enough here. */
    private static String label(String group) {
        return group.startsWith(Topics.AGENT_GATEWAY + "-") ? Topics.AGENT_GATEWAY : group;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        admin.close();
    }
}
