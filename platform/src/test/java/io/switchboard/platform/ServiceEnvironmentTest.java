package io.switchboard.platform;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServiceEnvironmentTest {

    @Test
    void propertyNamesBecomeQuarkusEnvironmentVariables() {
        assertEquals("QUARKUS_DATASOURCE_REACTIVE_URL", ServiceEnvironment.envVarName("quarkus.datasource.reactive.url"));
        assertEquals("QUARKUS_DATASOURCE_JDBC_URL", ServiceEnvironment.envVarName("quarkus.datasource.jdbc.url"));
        assertEquals("KAFKA_BOOTSTRAP_SERVERS", ServiceEnvironment.envVarName("kafka.bootstrap.servers"));
        assertEquals("QUARKUS_OIDC_AUTH_SERVER_URL", ServiceEnvironment.envVarName("quarkus.oidc.auth-server-url"));
        assertEquals("QUARKUS_OIDC_CREDENTIALS_SECRET", ServiceEnvironment.envVarName("quarkus.oidc.credentials.secret"));
        assertEquals("QUARKUS_HTTP_PORT", ServiceEnvironment.envVarName("quarkus.http.port"));
        // quoted segments: every non-alphanumeric character, quotes included, becomes _
        assertEquals("QUARKUS_LOG_CATEGORY__IO_QUARKUS_OIDC__LEVEL",
                ServiceEnvironment.envVarName("quarkus.log.category.\"io.quarkus.oidc\".level"));
    }

    @Test
    void eachServiceGetsItsOwnDatabaseAndThePlatformsAddresses(@org.junit.jupiter.api.io.TempDir Path dir) {
        Secrets secrets = Secrets.loadOrCreate(dir.resolve("secrets.env"));
        RunningPlatform platform = new RunningPlatform(Profile.TEST, new Ports(19092, 19093, 15432, 18180, 19990, 10000), secrets);
        ServiceEnvironment environment = platform.serviceEnvironment();

        Map<String, String> ticket = environment.properties(Service.TICKET);
        assertEquals("ticket", ticket.get("quarkus.datasource.username"));
        assertEquals(secrets.dbPassword(Service.TICKET), ticket.get("quarkus.datasource.password"));
        assertEquals("postgresql://localhost:15432/ticket", ticket.get("quarkus.datasource.reactive.url"));
        assertEquals("jdbc:postgresql://localhost:15432/ticket", ticket.get("quarkus.datasource.jdbc.url"));
        assertEquals("localhost:19092", ticket.get("kafka.bootstrap.servers"));
        assertEquals("http://localhost:18180/realms/switchboard", ticket.get("quarkus.oidc.auth-server-url"));
        assertEquals("ticket-service", ticket.get("quarkus.oidc.client-id"));
        assertEquals("18082", ticket.get("quarkus.http.port"), "the test profile shifts the services off the development ports");
        assertFalse(ticket.containsKey("quarkus.oidc.credentials.secret"), "only the gateway is a confidential client");

        Map<String, String> gateway = environment.properties(Service.GATEWAY);
        assertEquals(secrets.gatewayClientSecret(), gateway.get("quarkus.oidc.credentials.secret"));
        assertEquals("18080", gateway.get("quarkus.http.port"));

        assertFalse(environment.testProperties(Service.MENTION).containsKey("quarkus.http.port"), "tests choose their own port");

        Map<String, String> env = environment.environment(Service.ROUTING);
        assertEquals("postgresql://localhost:15432/routing", env.get("QUARKUS_DATASOURCE_REACTIVE_URL"));
        assertEquals("18083", env.get("QUARKUS_HTTP_PORT"));
        assertEquals(environment.properties(Service.ROUTING).size(), env.size());
        assertTrue(env.keySet().stream().allMatch(name -> name.matches("[A-Z0-9_]+")));
    }

    @Test
    void secretsAreGeneratedOncePrivateAndKept(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("secrets.env");
        Secrets first = Secrets.loadOrCreate(file);
        assertTrue(first.created());
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        Secrets second = Secrets.loadOrCreate(file);
        assertFalse(second.created());
        assertEquals(first.demoUserPassword(), second.demoUserPassword());
        assertEquals(first.dbPassword(Service.MENTION), second.dbPassword(Service.MENTION));
        assertTrue(first.dbPassword(Service.MENTION).matches("[A-Za-z0-9]{32}"));
        assertFalse(first.dbPassword(Service.MENTION).equals(first.dbPassword(Service.TICKET)));
    }
}
