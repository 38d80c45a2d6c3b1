package io.switchboard.system.harness;

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
 * A schema of this run's own in each service's database: Flyway migrates it from scratch when the
 * service starts, the service's connections work in it ({@code search_path}, with {@code public}
 * behind it for extensions such as pg_trgm), and it is dropped when the stack closes.
 *
 * <p>Why: the test platform outlives runs and every module's tests write to the same databases. In
 * the shared schema a run would inherit earlier runs' open tickets (routed to the first agent who
 * signs in, ahead of the test's own), the agents and queues routing-service's tests create (shown on
 * the supervisor floor the README's screenshot is taken of) and a ticket number in the thousands.
 * In its own schema the system starts as a fresh installation does: the seeded queues and demo agents.
 */
final class RunSchemas implements AutoCloseable {

    /** The services that own a database. */
    static final List<Service> WITH_DATABASE = List.of(Service.MENTION, Service.TICKET, Service.ROUTING);

    private final RunningPlatform platform;
    private final String name;
    private boolean created;

    RunSchemas(RunningPlatform platform, String run) {
        this.platform = platform;
        this.name = "system_" + run;
    }

    String name() {
        return name;
    }

    void create() {
        created = true;
        for (Service service : WITH_DATABASE) {
            execute(service, "create schema " + name);
        }
    }

    /** The datasource and Flyway settings that put a service in this run's schema; none for the gateway. */
    Map<String, String> overrides(Service service) {
        Map<String, String> p = new LinkedHashMap<>();
        if (WITH_DATABASE.contains(service)) {
            p.put("quarkus.datasource.reactive.url", platform.reactiveUrl(service.database()) + "?search_path=" + searchPath());
            p.put("quarkus.datasource.jdbc.url", jdbcUrl(service));
            p.put("quarkus.flyway.schemas", name);
            p.put("quarkus.flyway.default-schema", name);
        }
        return p;
    }

    /** For tests that read a service's store directly: a JDBC URL whose connections see this run's schema. */
    String jdbcUrl(Service service) {
        return platform.jdbcUrl(service.database()) + "?currentSchema=" + searchPath();
    }

    /** URL-encoded: a bare comma would make Quarkus read the reactive URL as a list of two URLs. */
    private String searchPath() {
        return name + "%2Cpublic";
    }

    /** Drops the schemas (best effort: a platform already stopped keeps nothing of this run anyway). */
    @Override
    public void close() {
        if (!created) {
            return;
        }
        created = false;
        for (Service service : WITH_DATABASE) {
            try {
                execute(service, "drop schema if exists " + name + " cascade");
            } catch (IllegalStateException e) {
                System.out.println("[system] " + e.getMessage() + ": " + e.getCause());
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
