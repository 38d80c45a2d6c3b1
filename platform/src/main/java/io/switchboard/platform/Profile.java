package io.switchboard.platform;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A named, fully separate platform: its own ports and its own state directory, so the tests' platform
 * never collides with a running development stack.
 */
public enum Profile {
    /** For people: the services run against it ({@code up --services}). */
    DEV("dev", new Ports(9092, 9093, 5432, 8180, 9990, 0)),
    /** For the test suites: started once for a whole build, or by the first test that needs it. */
    TEST("test", new Ports(19092, 19093, 15432, 18180, 19990, 10000));

    private final String id;
    private final Ports ports;

    Profile(String id, Ports ports) {
        this.id = id;
        this.ports = ports;
    }

    public String id() {
        return id;
    }

    /**
     * The profile's ports. The test profile's can be shifted with {@code SWITCHBOARD_TEST_PORT_OFFSET}
     * (environment, inherited by the test JVMs) so two checkouts can run their suites side by side.
     */
    public Ports ports() {
        if (this != TEST) {
            return ports;
        }
        int offset = testPortOffset();
        return new Ports(ports.kafka() + offset, ports.kafkaController() + offset, ports.postgres() + offset,
                ports.keycloak() + offset, ports.keycloakManagement() + offset, ports.serviceShift() + offset);
    }

    private static int testPortOffset() {
        String value = System.getenv("SWITCHBOARD_TEST_PORT_OFFSET");
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("SWITCHBOARD_TEST_PORT_OFFSET must be a number, was '" + value + "'");
        }
    }

    public static Profile parse(String value) {
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(p -> p.id.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown profile '" + value + "' (use "
                        + Arrays.stream(values()).map(Profile::id).collect(Collectors.joining(" or ")) + ")"));
    }

    @Override
    public String toString() {
        return id;
    }
}
