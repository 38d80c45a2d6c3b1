package io.switchboard.bench.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

import io.switchboard.events.Topics;
import io.switchboard.platform.RunningPlatform;
import io.switchboard.platform.Service;

/**
 * What a run made the platform do, as counters read before and after: records appended to each
 * topic (the sum of its partitions' end offsets) and, per service database, committed transactions
 * and rows inserted, updated and deleted (PostgreSQL's {@code pg_stat_database}). Divided by the
 * mentions accepted, they say what one mention costs, which is what relates the pipeline to the raw
 * Kafka and PostgreSQL rates.
 */
public final class PlatformCounters {

    /** Records per topic and, per database, {commits, inserted, updated, deleted}. */
    public record Snapshot(Map<String, Long> records, Map<String, long[]> database) {
    }

    /** One mention's share of a run's work. */
    public record PerMention(Map<String, Double> kafkaRecords, Map<String, Double> dbCommits, Map<String, Double> dbRowsWritten) {
    }

    private final RunningPlatform platform;

    public PlatformCounters(RunningPlatform platform) {
        this.platform = platform;
    }

    public Snapshot snapshot() throws Exception {
        return new Snapshot(topicRecords(), databaseCounters());
    }

    public static PerMention perMention(Snapshot before, Snapshot after, long mentions) {
        double n = Math.max(1, mentions);
        Map<String, Double> records = new LinkedHashMap<>();
        after.records().forEach((topic, end) -> records.put(topic, (end - before.records().getOrDefault(topic, 0L)) / n));
        Map<String, Double> commits = new LinkedHashMap<>();
        Map<String, Double> rows = new LinkedHashMap<>();
        after.database().forEach((db, counters) -> {
            long[] was = before.database().getOrDefault(db, new long[4]);
            commits.put(db, (counters[0] - was[0]) / n);
            rows.put(db, (counters[1] - was[1] + counters[2] - was[2] + counters[3] - was[3]) / n);
        });
        return new PerMention(records, commits, rows);
    }

    private Map<String, Long> topicRecords() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers()))) {
            Map<TopicPartition, OffsetSpec> partitions = new LinkedHashMap<>();
            for (var description : admin.describeTopics(Topics.ALL).allTopicNames().get().values()) {
                description.partitions().forEach(p -> partitions.put(new TopicPartition(description.name(), p.partition()), OffsetSpec.latest()));
            }
            Map<String, Long> records = new LinkedHashMap<>();
            Topics.ALL.forEach(topic -> records.put(topic, 0L));
            admin.listOffsets(partitions).all().get().forEach((partition, info) -> records.merge(partition.topic(), info.offset(), Long::sum));
            return records;
        }
    }

    private Map<String, long[]> databaseCounters() throws SQLException {
        List<String> databases = java.util.Arrays.stream(Service.values()).map(Service::database).toList();
        Map<String, long[]> counters = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(platform.jdbcUrl("postgres"), "postgres",
                platform.secrets().postgresSuperuserPassword());
             Statement statement = connection.createStatement()) {
            statement.execute("select pg_stat_clear_snapshot()");
            String in = databases.stream().map(d -> "'" + d + "'").collect(Collectors.joining(","));
            try (ResultSet rows = statement.executeQuery("select datname, xact_commit, tup_inserted, tup_updated, tup_deleted"
                    + " from pg_stat_database where datname in (" + in + ") order by datname")) {
                while (rows.next()) {
                    counters.put(rows.getString(1), new long[] { rows.getLong(2), rows.getLong(3), rows.getLong(4), rows.getLong(5) });
                }
            }
        }
        return counters;
    }
}
