package io.switchboard.bench.raw;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * What this machine's broker does on its own, measured with Kafka's own tools
 * (ProducerPerformance, ConsumerPerformance) on a scratch topic, so the pipeline's figures can be
 * read as a fraction of it.
 */
public final class KafkaRawBench {

    public record Result(long records, int recordSize, int partitions, double produceRecordsPerSec,
            double produceAvgLatencyMs, double produceP99LatencyMs, double consumeRecordsPerSec) {
    }

    private static final Pattern PRODUCER_SUMMARY = Pattern.compile(
            "(\\d+) records sent, ([\\d.]+) records/sec .*?, ([\\d.]+) ms avg latency, [\\d.]+ ms max latency,"
                    + " \\d+ ms 50th, \\d+ ms 95th, (\\d+) ms 99th");

    private final Path brokerClasspathDir;
    private final String bootstrapServers;

    public KafkaRawBench(Path brokerClasspathDir, String bootstrapServers) {
        this.brokerClasspathDir = brokerClasspathDir;
        this.bootstrapServers = bootstrapServers;
    }

    public Result run(long records, int recordSize, int partitions) throws IOException, InterruptedException {
        String topic = "bench-raw-" + System.currentTimeMillis();
        createTopic(topic, partitions);
        List<String> produced = tool("org.apache.kafka.tools.ProducerPerformance",
                "--topic", topic, "--num-records", Long.toString(records), "--record-size", Integer.toString(recordSize),
                "--throughput", "-1", "--producer-props", "bootstrap.servers=" + bootstrapServers, "acks=all");
        Matcher summary = produced.stream().map(PRODUCER_SUMMARY::matcher).filter(Matcher::find)
                .reduce((first, last) -> last)
                .orElseThrow(() -> new IllegalStateException("ProducerPerformance printed no summary: " + produced));
        List<String> consumed = tool("org.apache.kafka.tools.ConsumerPerformance",
                "--bootstrap-server", bootstrapServers, "--topic", topic, "--messages", Long.toString(records),
                "--timeout", "60000");
        double consumeRate = consumerRate(consumed);
        deleteTopic(topic);
        return new Result(records, recordSize, partitions, Double.parseDouble(summary.group(2)),
                Double.parseDouble(summary.group(3)), Double.parseDouble(summary.group(4)), consumeRate);
    }

    /** ConsumerPerformance prints a CSV header and one row; nMsg.sec is the sixth column. */
    static double consumerRate(List<String> output) {
        for (int i = 0; i < output.size() - 1; i++) {
            if (output.get(i).startsWith("start.time")) {
                String[] header = output.get(i).split(",\\s*");
                String[] row = output.get(i + 1).split(",\\s*");
                for (int column = 0; column < header.length; column++) {
                    if (header[column].trim().equals("nMsg.sec")) {
                        return Double.parseDouble(row[column].trim());
                    }
                }
            }
        }
        throw new IllegalStateException("ConsumerPerformance printed no result: " + output);
    }

    private List<String> tool(String mainClass, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx512m", "-cp",
                brokerClasspathDir.toAbsolutePath() + "/*", mainClass));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new String(process.getInputStream().readAllBytes()).lines().toList();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(mainClass + " failed: " + lines);
        }
        return lines;
    }

    private static String javaBinary() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return Files.isExecutable(java) ? java.toString() : "java";
    }

    private void createTopic(String topic, int partitions) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot create " + topic, e);
        }
    }

    private void deleteTopic(String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.deleteTopics(List.of(topic)).all().get();
        } catch (Exception e) {
            // A leftover scratch topic costs disk only; the measurement stands.
        }
    }
}
