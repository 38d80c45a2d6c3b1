package io.switchboard.platform;

import io.switchboard.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One Kafka node in KRaft mode (broker and controller), run as its own JVM on the jars the build
 * copied to {@code platform/target/kafka-broker}, and the Switchboard topics on it.
 */
final class KafkaBroker {

    static final int DEAD_LETTER_PARTITIONS = 3;
    private static final String HEAP = "-Xmx512m";

    private final Path brokerDir;
    private final StateDir state;
    private final Ports ports;
    private final int partitions;
    private final Consumer<String> log;

    KafkaBroker(Workspace workspace, StateDir state, Ports ports, int partitions, Consumer<String> log) {
        this.brokerDir = BuildInfo.get().kafkaBrokerDir(workspace.repoRoot());
        this.state = state;
        this.ports = ports;
        this.partitions = partitions;
        this.log = log;
    }

    private Path dataDir() {
        return state.kafkaDir().resolve("data");
    }

    private Path serverProperties() {
        return state.kafkaDir().resolve("server.properties");
    }

    private Path log4jConfig() {
        return state.kafkaDir().resolve("log4j2.properties");
    }

    /** Writes the configuration, formats the storage on first use, and starts the broker JVM. */
    Process start() {
        writeConfiguration();
        if (!Files.exists(dataDir().resolve("meta.properties"))) {
            String clusterId = Uuid.randomUuid().toString();
            log.accept("Kafka: formatting storage (cluster " + clusterId + ")");
            Processes.run("Kafka storage format", java("-Xmx256m", "kafka.tools.StorageTool",
                            "format", "-t", clusterId, "-c", serverProperties().toString()),
                    Map.of(), state.kafkaDir(), state.log("kafka"), Duration.ofSeconds(120));
        }
        return Processes.start(java(HEAP, "kafka.Kafka", serverProperties().toString()), Map.of(), state.kafkaDir(), state.log("kafka"));
    }

    /**
     * The partition count the last start of a state dir's broker was configured with (its
     * {@code server.properties}), so a restarted broker is configured exactly as before.
     */
    static int configuredPartitions(StateDir state, int fallback) {
        Properties written = new Properties();
        try (var in = Files.newBufferedReader(state.kafkaDir().resolve("server.properties"))) {
            written.load(in);
            return Integer.parseInt(written.getProperty("num.partitions", Integer.toString(fallback)).trim());
        } catch (IOException | NumberFormatException e) {
            return fallback;
        }
    }

    private List<String> java(String heap, String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                heap,
                "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20", "-XX:InitiatingHeapOccupancyPercent=35",
                "-XX:+ExplicitGCInvokesConcurrent", "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + log4jConfig(),
                "-Dkafka.logs.dir=" + state.logs(),
                "-cp", brokerDir.resolve("*").toString(),
                mainClass));
        command.addAll(List.of(args));
        return command;
    }

    private void writeConfiguration() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("process.roles", "broker,controller");
        config.put("node.id", "1");
        config.put("controller.quorum.voters", "1@localhost:" + ports.kafkaController());
        config.put("listeners", "PLAINTEXT://localhost:" + ports.kafka() + ",CONTROLLER://localhost:" + ports.kafkaController());
        config.put("advertised.listeners", "PLAINTEXT://localhost:" + ports.kafka());
        config.put("controller.listener.names", "CONTROLLER");
        config.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("log.dirs", dataDir().toString());
        config.put("num.partitions", Integer.toString(partitions));
        config.put("offsets.topic.replication.factor", "1");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("share.coordinator.state.topic.replication.factor", "1");
        config.put("share.coordinator.state.topic.min.isr", "1");
        config.put("group.initial.rebalance.delay.ms", "0");
        StringBuilder properties = new StringBuilder("# Written by the Switchboard launcher on every start.\n");
        config.forEach((k, v) -> properties.append(k).append('=').append(v).append('\n'));

        String log4j = """
                # Written by the Switchboard launcher: the broker logs to stdout, which goes to logs/kafka.log.
                status = warn
                appender.stdout.type = Console
                appender.stdout.name = STDOUT
                appender.stdout.layout.type = PatternLayout
                appender.stdout.layout.pattern = [%d] %p %m (%c)%n
                rootLogger.level = INFO
                rootLogger.appenderRef.stdout.ref = STDOUT
                logger.statechange.name = state.change.logger
                logger.statechange.level = WARN
                logger.request.name = kafka.request.logger
                logger.request.level = WARN
                logger.authorizer.name = kafka.authorizer.logger
                logger.authorizer.level = WARN
                """;
        try {
            Files.createDirectories(dataDir());
            Files.writeString(serverProperties(), properties);
            Files.writeString(log4jConfig(), log4j);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Ready = the cluster answers describeCluster and every topic exists: {@link Topics#ALL} with
     * {@code partitions} partitions and every dead-letter topic with {@value #DEAD_LETTER_PARTITIONS}.
     * Existing topics are kept as they are.
     */
    void awaitReadyAndCreateTopics(Process broker, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(adminConfig(ports.kafka()))) {
            while (true) {
                if (!broker.isAlive()) {
                    throw new PlatformException("Kafka exited during start (exit " + broker.exitValue() + "); see "
                            + state.log("kafka") + "\n" + Processes.tail(state.log("kafka"), 15));
                }
                try {
                    if (!admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty()) {
                        break;
                    }
                } catch (Exception e) {
                    // not up yet
                }
                if (System.nanoTime() > deadline) {
                    throw new PlatformException("Kafka did not become ready in " + timeout.toSeconds() + " s; see " + state.log("kafka"));
                }
                sleep(250);
            }
            createTopics(admin);
        }
    }

    private void createTopics(Admin admin) {
        Map<String, Integer> wanted = new LinkedHashMap<>();
        Topics.ALL.forEach(topic -> wanted.put(topic, partitions));
        Topics.deadLetterTopics().forEach(topic -> wanted.put(topic, DEAD_LETTER_PARTITIONS));
        try {
            var existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = wanted.entrySet().stream()
                    .filter(e -> !existing.contains(e.getKey()))
                    .map(e -> new NewTopic(e.getKey(), e.getValue(), (short) 1))
                    .toList();
            for (var result : admin.createTopics(missing).values().entrySet()) {
                try {
                    result.getValue().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            Map<String, TopicDescription> described = admin.describeTopics(wanted.keySet()).allTopicNames().get(30, TimeUnit.SECONDS);
            for (Map.Entry<String, Integer> topic : wanted.entrySet()) {
                int actual = described.get(topic.getKey()).partitions().size();
                if (actual < topic.getValue()) {
                    log.accept("Kafka: topic " + topic.getKey() + " exists with " + actual + " partitions (wanted "
                            + topic.getValue() + "; `up --reset` recreates it)");
                }
            }
            if (!missing.isEmpty()) {
                log.accept("Kafka: created " + missing.size() + " topics (" + partitions + " partitions each, dead-letter topics "
                        + DEAD_LETTER_PARTITIONS + ")");
            }
        } catch (ExecutionException e) {
            throw new PlatformException("cannot create the Kafka topics: " + e.getCause().getMessage(), e.getCause());
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new PlatformException("cannot create the Kafka topics: " + e, e);
        }
    }

    static Properties adminConfig(int port) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + port);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "switchboard-launcher");
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "500");
        return config;
    }

    /** Whether a broker answers on the port (for {@code status}). */
    static boolean answers(int port) {
        if (!PortCheck.answering(port)) {
            return false;
        }
        try (Admin admin = Admin.create(adminConfig(port))) {
            return !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted");
        }
    }
}
