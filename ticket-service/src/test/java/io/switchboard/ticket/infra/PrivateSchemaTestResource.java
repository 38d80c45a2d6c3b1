package io.switchboard.ticket.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.switchboard.platform.Service;
import io.switchboard.platform.testing.TestPlatform;

/**
 * Gives this test run a schema of its own in the service's database on the test platform: Flyway
 * migrates it from scratch, the service's connections work in it ({@code search_path}, with
 * {@code public} behind it for extensions such as pg_trgm), and it is dropped at the end.
 *
 * <p>The database outlives runs and is not this run's alone: the system tests start a real
 * ticket-service on the same test platform, and that replica's outbox relay, SLA scanner and
 * consumers would act on this run's rows (publish events a test holds back, fire clocks a test set
 * due), while earlier runs leave due clocks and outbox rows behind. In a schema of its own a run
 * sees only what it wrote.
 */
public class PrivateSchemaTestResource implements QuarkusTestResourceLifecycleManager {

    private final String schema = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    private boolean created;

    @Override
    public Map<String, String> start() {
        execute("create schema " + schema);
        created = true;
        return Map.of(
                "quarkus.flyway.schemas", schema,
                "quarkus.flyway.default-schema", schema,
                "quarkus.datasource.reactive.additional-properties.search_path", schema + ",public");
    }

    @Override
    public void stop() {
        if (created) {
            execute("drop schema " + schema + " cascade");
        }
    }

    /** As the service's own role, which owns its database and so may create schemas in it. */
    private static void execute(String sql) {
        Map<String, String> service = TestPlatform.get().serviceEnvironment().testProperties(Service.TICKET);
        try (Connection connection = DriverManager.getConnection(service.get("quarkus.datasource.jdbc.url"),
                service.get("quarkus.datasource.username"), service.get("quarkus.datasource.password"));
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("could not " + sql.split(" ")[0] + " this run's schema in the test database", e);
        }
    }
}
