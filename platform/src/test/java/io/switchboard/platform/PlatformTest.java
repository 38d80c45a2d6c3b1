package io.switchboard.platform;

import io.switchboard.events.Topics;
import io.switchboard.platform.testing.DemoUsers;
import io.switchboard.platform.testing.KeycloakTokens;
import io.switchboard.platform.testing.PlatformTestResource;
import io.switchboard.platform.testing.TestPlatform;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Against the real test-profile platform (connects to a running one, else starts it in this JVM):
 * Kafka round trip, per-service database isolation, token claims, status.
 */
class PlatformTest {

    private static RunningPlatform platform;

    @BeforeAll
    static void platform() {
        platform = TestPlatform.get();
    }

    @Test
    void aRecordProducedToMentionsIsConsumedBack() throws Exception {
        String key = "platform-probe-" + UUID.randomUUID();
        String value = "{\"probe\":\"platform test\"}";
        RecordMetadata sent;
        Properties producerConfig = new Properties();
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers());
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer())) {
            // A probe, not a mention: the services' consumers dead-letter it (an unknown CloudEvents type)
            ProducerRecord<String, String> probe = new ProducerRecord<>(Topics.MENTIONS, key, value);
            probe.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
            probe.headers().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
            probe.headers().add("ce_type", "switchboard.platform.probe.v1".getBytes(StandardCharsets.UTF_8));
            probe.headers().add("ce_source", "/platform/PlatformTest".getBytes(StandardCharsets.UTF_8));
            sent = producer.send(probe).get(30, TimeUnit.SECONDS);
        }
        Properties consumerConfig = new Properties();
        consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers());
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, "platform-test-" + UUID.randomUUID());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(Topics.MENTIONS, sent.partition());
            consumer.assign(List.of(partition));
            consumer.seek(partition, sent.offset());
            List<ConsumerRecord<String, String>> received = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (received.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (r.key().equals(key)) {
                        received.add(r);
                    }
                });
            }
            assertEquals(1, received.size());
            assertEquals(value, received.get(0).value());
        }
    }

    @Test
    void everyTopicAndDeadLetterTopicExists() throws Exception {
        try (Admin admin = Admin.create(KafkaBroker.adminConfig(platform.ports().kafka()))) {
            Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            assertTrue(topics.containsAll(Topics.ALL), "missing topics: " + topics);
            assertTrue(topics.containsAll(Topics.deadLetterTopics()), "missing dead-letter topics: " + topics);
            int partitions = admin.describeTopics(List.of(Topics.MENTIONS)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(Topics.MENTIONS).partitions().size();
            assertTrue(partitions > 1, "mentions has " + partitions + " partitions");
        }
    }

    @Test
    void eachServiceRoleLogsInToItsOwnDatabaseOnly() throws Exception {
        for (Service service : Service.values()) {
            try (Connection c = DriverManager.getConnection(platform.jdbcUrl(service.database()), service.databaseRole(),
                    platform.secrets().dbPassword(service));
                 ResultSet rs = c.createStatement().executeQuery("SELECT current_user, current_database()")) {
                assertTrue(rs.next());
                assertEquals(service.databaseRole(), rs.getString(1));
                assertEquals(service.database(), rs.getString(2));
                // it may create tables in its database (rolled back: the services' schemas stay untouched)
                c.setAutoCommit(false);
                c.createStatement().execute("CREATE TABLE platform_test_probe (id int)");
                c.rollback();
            }
        }
        SQLException foreign = assertThrows(SQLException.class, () -> DriverManager.getConnection(
                platform.jdbcUrl(Service.MENTION.database()), Service.TICKET.databaseRole(), platform.secrets().dbPassword(Service.TICKET)).close());
        assertTrue(foreign.getMessage().contains("permission denied") || foreign.getMessage().contains("CONNECT"), foreign.getMessage());
        assertThrows(SQLException.class, () -> DriverManager.getConnection(
                platform.jdbcUrl(Service.TICKET.database()), Service.TICKET.databaseRole(), "wrong-password").close());
    }

    @Test
    void avasTokenCarriesHerRoleTeamLanguagesAndEveryServiceAsAudience() {
        Map<String, Object> claims = KeycloakTokens.claims(KeycloakTokens.accessToken(DemoUsers.AVA));
        assertEquals(platform.realmUrl(), claims.get("iss"));
        @SuppressWarnings("unchecked")
        List<String> roles = (List<String>) ((Map<String, Object>) claims.get("realm_access")).get("roles");
        assertTrue(roles.contains(DemoUsers.ROLE_AGENT), "roles " + roles);
        assertTrue(!roles.contains(DemoUsers.ROLE_SUPERVISOR), "roles " + roles);
        assertEquals(List.of(DemoUsers.TEAM_CUSTOMER_CARE), claims.get("groups"));
        assertEquals(List.of("en"), claims.get("languages"));
        @SuppressWarnings("unchecked")
        List<String> audience = (List<String>) claims.get("aud");
        for (Service service : Service.values()) {
            assertTrue(audience.contains(service.clientId()), "aud " + audience);
        }

        Map<String, Object> mateo = KeycloakTokens.claims(KeycloakTokens.accessToken(DemoUsers.MATEO));
        assertEquals(List.of("es", "en"), mateo.get("languages"));
        assertEquals(List.of(DemoUsers.TEAM_TECH_SUPPORT), mateo.get("groups"));
    }

    @Test
    void theTestResourceHandsAServiceItsConfiguration() {
        PlatformTestResource resource = new PlatformTestResource();
        resource.init(Map.of(PlatformTestResource.SERVICE, "gateway"));
        Map<String, String> config = resource.start();
        assertEquals(platform.realmUrl(), config.get("quarkus.oidc.auth-server-url"));
        assertEquals(platform.secrets().gatewayClientSecret(), config.get("quarkus.oidc.credentials.secret"));
        assertEquals("jdbc:postgresql://localhost:" + platform.ports().postgres() + "/gateway", config.get("quarkus.datasource.jdbc.url"));
        assertTrue(!config.containsKey("quarkus.http.port"));
        resource.stop();
    }

    @Test
    void statusReportsUp() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int code = PlatformStatus.print(Workspace.find(), Profile.TEST, new PrintStream(buffer, true, StandardCharsets.UTF_8));
        String output = buffer.toString(StandardCharsets.UTF_8);
        assertEquals(PlatformStatus.UP, code, output);
        assertTrue(output.contains("Status: up"), output);
    }
}
