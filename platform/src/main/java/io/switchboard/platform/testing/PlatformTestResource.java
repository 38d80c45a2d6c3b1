package io.switchboard.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.switchboard.platform.RunningPlatform;
import io.switchboard.platform.Service;

import java.util.HashMap;

import java.util.Map;

/**
 * Points a Quarkus test at the real test platform (Kafka, PostgreSQL, Keycloak of the {@code test}
 * profile): connects to the running one, or starts it in this JVM. Returns the service's
 * configuration from {@link io.switchboard.platform.ServiceEnvironment} (datasource, Kafka, OIDC).
 *
 * <pre>
 * &#64;QuarkusTest
 * &#64;WithTestResource(value = PlatformTestResource.class, initArgs = &#64;ResourceArg(name = "service", value = "ticket"))
 * class TicketResourceTest { ... }
 * </pre>
 */
public class PlatformTestResource implements QuarkusTestResourceLifecycleManager {

    /** The init argument naming the service under test: mention, ticket, routing or gateway. */
    public static final String SERVICE = "service";

    private Service service;

    @Override
    public void init(Map<String, String> initArgs) {
        String name = initArgs.get(SERVICE);
        if (name == null) {
            throw new IllegalArgumentException(PlatformTestResource.class.getSimpleName()
                    + " needs initArgs = @ResourceArg(name = \"service\", value = \"mention|ticket|routing|gateway\")");
        }
        service = Service.parse(name);
    }

    @Override
    public Map<String, String> start() {
        if (service == null) {
            init(Map.of());
        }
        RunningPlatform platform = TestPlatform.get();
        Map<String, String> properties = new HashMap<>(platform.serviceEnvironment().testProperties(service));
        if (service == Service.GATEWAY) {
            // Fixed, not random: the browser tests sign in through Keycloak, whose realm only lets it
            // redirect back to the test profile's gateway port.
            properties.put("quarkus.http.test-port", Integer.toString(platform.ports().http(Service.GATEWAY)));
        }
        return properties;
    }

    /**
     * Nothing: the platform outlives one Quarkus application (test classes with other resources or
     * profiles restart the application, not the platform). If this JVM started it, it stops at JVM exit.
     */
    @Override
    public void stop() {
    }
}
