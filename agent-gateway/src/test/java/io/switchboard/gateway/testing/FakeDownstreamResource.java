package io.switchboard.gateway.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Starts the fake ticket-service and routing-service once for the module's tests and points the gateway at them. */
public class FakeDownstreamResource implements QuarkusTestResourceLifecycleManager {

    private static FakeDownstream fake;

    /** The fake of the running test application. */
    public static synchronized FakeDownstream fake() {
        if (fake == null) {
            throw new IllegalStateException("the fake downstream is not started (no @QuarkusTest running)");
        }
        return fake;
    }

    @Override
    public synchronized Map<String, String> start() {
        if (fake == null) {
            fake = new FakeDownstream();
        }
        return Map.of("quarkus.rest-client.ticket-service.url", fake.ticketServiceUrl(),
                "quarkus.rest-client.routing-service.url", fake.routingServiceUrl());
    }

    @Override
    public void stop() {
        // Kept for the JVM's life: test classes share one application, and the fake is cheap.
    }
}
