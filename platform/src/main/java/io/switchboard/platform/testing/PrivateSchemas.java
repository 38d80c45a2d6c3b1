package io.switchboard.platform.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.switchboard.platform.RunningPlatform;
import io.switchboard.platform.Service;

/**
 * A schema of a test run's own in each of some services' databases on the test platform: Flyway
 * migrates it from scratch when the service starts, the service's connections work in it
 * ({@code search_path}, with {@code public} behind it for extensions such as pg_trgm), and it is
 * dropped at the end.
 *
 * <p>Why: the test platform outlives runs and every module's tests (and the system tests' real
 * services) write to the same databases. In the shared schema a run would see earlier runs' rows
 * and other runs' replicas would act on its own (relay its outbox, fire its SLA clocks, route its
 * tickets). In a schema of its own a run sees only what it wrote, as a fresh installation would.
 */
public final class PrivateSchemas implements AutoCloseable {

    private final RunningPlatform platform;
    private final String name;
    private final List<Service> services;
    private boolean created;

    /** @param name a schema name (letters, digits, underscores), the same in every service's database */
    public PrivateSchemas(RunningPlatform platform, String name, List<Service> services) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain schema name: " + name);
        }
        this.platform = platform;
        this.name = name;
        this.services = List.copyOf(services);
    }

    public String name() {
        return name;
    }

    public PrivateSchemas create() {
        created = true;
        for (Service service : services) {
            execute(service, "create schema " + name);
        }
        return this;
    }

    /** The datasource and Flyway settings that put a service in this schema; none for a service without one here. */
    public Map<String, String> overrides(Service service) {
        Map<String, String> p = new LinkedHashMap<>();
        if (services.contains(service)) {
            p.put("quarkus.datasource.reactive.url", platform.reactiveUrl(service.database()) + "?search_path=" + searchPath());
            p.put("quarkus.datasource.jdbc.url", jdbcUrl(service));
            p.put("quarkus.flyway.schemas", name);
            p.put("quarkus.flyway.default-schema", name);
        }
        return p;
    }

    /** For tests that read a service's store directly: a JDBC URL whose connections see this schema. */
    public String jdbcUrl(Service service) {
        return platform.jdbcUrl(service.database()) + "?currentSchema=" + searchPath();
    }

    /** URL-encoded: a bare comma would make Quarkus read the reactive URL as a list of two URLs. */
    private String searchPath() {
        return name + "%2Cpublic";
    }

    /** Drops the schemas (best effort: a platform already stopped keeps nothing of the run anyway). */
    @Override
    public void close() {
        if (!created) {
            return;
        }
        created = false;
        for (Service service : services) {
            try {
                execute(service, "drop schema if exists " + name + " cascade");
            } catch (IllegalStateException e) {
                System.out.println("[platform] " + e.getMessage() + ": " + e.getCause());
            }
        }
    }

    /** As the service's own role, which owns its database and so may create schemas in it. */
    private void execute(Service service, String sql) {
        try (Connection connection = DriverManager.getConnection(platform.jdbcUrl(service.database()), service.databaseRole(),
                platform.secrets().dbPassword(service));
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("could not " + sql.split(" ")[0] + " schema " + name + " in " + service.database(), e);
        }
    }
}
