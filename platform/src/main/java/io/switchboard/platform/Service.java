package io.switchboard.platform;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The four Switchboard services: module (= Keycloak client id), database (= login role) and HTTP
 * port when the launcher runs them.
 */
public enum Service {
    MENTION("mention-service", "mention", 8081),
    TICKET("ticket-service", "ticket", 8082),
    ROUTING("routing-service", "routing", 8083),
    GATEWAY("agent-gateway", "gateway", 8080);

    private final String moduleName;
    private final String database;
    private final int httpPort;

    Service(String moduleName, String database, int httpPort) {
        this.moduleName = moduleName;
        this.database = database;
        this.httpPort = httpPort;
    }

    /** The Maven module directory and artifact, also the service's Keycloak client id (its token audience). */
    public String moduleName() {
        return moduleName;
    }

    /** The service's own database; the login role owning it has the same name. */
    public String database() {
        return database;
    }

    /** The role (user) the service logs in to PostgreSQL with. */
    public String databaseRole() {
        return database;
    }

    public String clientId() {
        return moduleName;
    }

    public int httpPort() {
        return httpPort;
    }

    /** Accepts the short name ({@code ticket}), the module name ({@code ticket-service}) or the enum name. */
    public static Service parse(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("no service given (use one of " + names() + ")");
        }
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(s -> s.database.equals(wanted) || s.moduleName.equals(wanted)
                        || s.name().toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown service '" + value + "' (use one of " + names() + ")"));
    }

    private static String names() {
        return Arrays.stream(values()).map(Service::database).collect(Collectors.joining(", "));
    }
}
