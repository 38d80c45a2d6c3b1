package io.switchboard.platform;

import io.switchboard.events.Topics;
import io.switchboard.platform.PlatformRestarts.Restart;
import io.switchboard.platform.PlatformRestarts.Stop;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Restarts of a Kafka broker and a PostgreSQL server, killed and stopped gracefully, on a small
 * platform of this test's own (its own state dir and free ports; the shared test platform, which
 * other suites use at the same time, is never touched): same port, data kept, the new process
 * recorded in platform.json, the old one gone.
 */
class PlatformRestartsTest {

    private static final Path STATE = Path.of("target", "restarts-" + UUID.randomUUID()).toAbsolutePath();

    private static StateDir state;
    private static Ports ports;
    private static Secrets secrets;
    private static PlatformRestarts restarts;

    @BeforeAll
    static void startOwnKafkaAndPostgres() throws IOException {
        Files.createDirectories(STATE);
        Workspace workspace = Workspace.find();
        state = new StateDir(STATE, Profile.TEST);
        ports = new Ports(freePort(), freePort(), freePort(), 0, 0, 0);
        secrets = Secrets.loadOrCreate(state.secretsFile());

        PostgresServer postgres = new PostgresServer(state, ports.postgres(), secrets, PlatformRestartsTest::log);
        ProcessHandle postmaster = postgres.start();
        // recorded as a detached run, the way `up --detach` leaves the test platform
        PlatformState run = new PlatformState("test", Processes.record("launcher", ProcessHandle.current()), true, Instant.now(), false,
                ports, List.of(), Map.of()).withProcess(Processes.record("postgres", postmaster));
        run.write(state.platformJson());
        postgres.setUp();

        KafkaBroker kafka = new KafkaBroker(workspace, state, ports, 2, PlatformRestartsTest::log);
        Process broker = kafka.start();
        run = run.withProcess(Processes.record("kafka", broker.toHandle()));
        run.write(state.platformJson());
        kafka.awaitReadyAndCreateTopics(broker, Platform.KAFKA_TIMEOUT);
        run.markReady().write(state.platformJson());

        restarts = new PlatformRestarts(workspace, state, ports, PlatformRestartsTest::log);
    }

    @AfterAll
    static void stopThem() {
        if (state != null) {
            Platform.stopLeftovers(state, PlatformRestartsTest::log, false);
            Platform.deleteTree(STATE);
        }
    }

    @Test
    void aKilledBrokerComesBackOnItsPortWithEveryRecordItAcknowledged() throws Exception {
        RecordMetadata before = produce("before the kill");

        Restart restart = restarts.restartKafka(Stop.KILL, Duration.ofMillis(500));

        assertRestarted(restart, "kafka");
        assertTrue(PortCheck.answering(ports.kafka()));
        assertEquals("before the kill", consumeAt(before));
        RecordMetadata after = produce("after the restart");
        assertEquals("after the restart", consumeAt(after));
        assertTrue(restart.down().equals(Duration.ofMillis(500)) && restart.outage().compareTo(restart.starting()) > 0);
    }

    @Test
    void aBrokerStoppedGracefullyComesBackToo() throws Exception {
        RecordMetadata before = produce("before the stop");

        Restart restart = restarts.restartKafka(Stop.GRACEFUL, Duration.ZERO);

        assertRestarted(restart, "kafka");
        assertEquals("before the stop", consumeAt(before));
        assertEquals(2, KafkaBroker.configuredPartitions(state, 99), "keeps its partition count");
    }

    @Test
    void aKilledPostgresRecoversEveryDurablyCommittedRowAndTheRolesStillLogIn() throws Exception {
        String row = insertDurably("before the kill");

        Restart restart = restarts.restartPostgres(Stop.KILL, Duration.ZERO);

        assertRestarted(restart, "postgres");
        assertTrue(PortCheck.answering(ports.postgres()));
        assertTrue(rowExists(row), "the committed row survived the crash");
        assertTrue(rowExists(insertDurably("after the restart")));
    }

    @Test
    void aPostgresShutDownFastComesBackWithItsData() throws Exception {
        String row = insertDurably("before the shutdown");

        Restart restart = restarts.restartPostgres(Stop.GRACEFUL, Duration.ofMillis(200));

        assertRestarted(restart, "postgres");
        assertTrue(rowExists(row));
    }

    /** The old process is gone, a new one serves, and platform.json names the new one (so `down` stops it). */
    private static void assertRestarted(Restart restart, String part) {
        assertEquals(part, restart.part());
        assertNotEquals(restart.oldPid(), restart.newPid());
        assertFalse(ProcessHandle.of(restart.oldPid()).filter(ProcessHandle::isAlive).isPresent(), "old " + part + " still alive");
        assertTrue(ProcessHandle.of(restart.newPid()).filter(ProcessHandle::isAlive).isPresent(), "new " + part + " not running");
        PlatformState recorded = PlatformState.read(state.platformJson()).orElseThrow();
        assertEquals(restart.newPid(), recorded.process(part).orElseThrow().pid());
        assertEquals(1, recorded.processes().stream().filter(p -> p.name().equals(part)).count());
        assertTrue(Processes.find(recorded.process(part).orElseThrow()).isPresent());
    }

    private static RecordMetadata produce(String value) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + ports.kafka());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            return producer.send(new ProducerRecord<>(Topics.MENTIONS, UUID.randomUUID().toString(), value)).get(60, TimeUnit.SECONDS);
        }
    }

    private static String consumeAt(RecordMetadata at) {
        Properties config = new Properties();
        config.put("bootstrap.servers", "localhost:" + ports.kafka());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(at.topic(), at.partition());
            consumer.assign(List.of(partition));
            consumer.seek(partition, at.offset());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.offset() == at.offset()) {
                        return r.value();
                    }
                }
            }
            return null;
        }
    }

    /**
     * Commits with synchronous_commit on: the platform runs with it off (fast), and then, by
     * PostgreSQL's own contract, a crash may drop the last fraction of a second of commits.
     */
    private static String insertDurably(String note) throws SQLException {
        String id = UUID.randomUUID().toString();
        try (Connection c = ticketDatabase(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS restart_probe (id text PRIMARY KEY, note text)");
            c.setAutoCommit(false);
            st.execute("SET LOCAL synchronous_commit = on");
            st.execute("INSERT INTO restart_probe VALUES ('" + id + "', '" + note + "')");
            c.commit();
        }
        return id;
    }

    private static boolean rowExists(String id) throws SQLException {
        try (Connection c = ticketDatabase();
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM restart_probe WHERE id = '" + id + "'")) {
            return rs.next() && rs.getInt(1) == 1;
        }
    }

    private static Connection ticketDatabase() throws SQLException {
        return DriverManager.getConnection(PostgresServer.jdbcUrl(ports.postgres(), Service.TICKET.database()),
                Service.TICKET.databaseRole(), secrets.dbPassword(Service.TICKET));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void log(String line) {
        System.out.println("[restarts-test] " + line);
    }
}
