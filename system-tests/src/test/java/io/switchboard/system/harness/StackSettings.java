package io.switchboard.system.harness;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The harness's knobs, as system properties (surefire passes them on: {@code ./mvnw -pl system-tests
 * verify -Dswitchboard.system.port-shift=1000}).
 *
 * @param portShift added to every service's port ({@code RunningPlatform.ports().http(service)},
 *     18080-18083): lets the whole system run beside a service's own tests on those ports. The
 *     browser tests need 0, because the test realm redirects browsers only to 18080.
 * @param logs where each service's log goes ({@code <module>.log})
 * @param startTimeout how long the four services together may take to be ready
 */
public record StackSettings(int portShift, Path logs, Duration startTimeout) {

    public static final String PORT_SHIFT = "switchboard.system.port-shift";
    public static final String LOGS = "switchboard.system.logs";
    public static final String START_TIMEOUT = "switchboard.system.start-timeout";

    public static StackSettings fromSystemProperties() {
        return new StackSettings(Integer.getInteger(PORT_SHIFT, 0),
                Path.of(System.getProperty(LOGS, "target/system-logs")).toAbsolutePath(),
                Duration.parse(System.getProperty(START_TIMEOUT, "PT5M")));
    }
}
