package io.switchboard.ticket.infra;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.switchboard.platform.Service;
import io.switchboard.platform.testing.PrivateSchemas;
import io.switchboard.platform.testing.TestPlatform;

/**
 * Gives this test run a schema of its own in the service's database on the test platform
 * ({@link PrivateSchemas}). The database outlives runs and is not this run's alone: the system tests
 * start a real ticket-service on the same test platform, and that replica's outbox relay, SLA scanner
 * and consumers would act on this run's rows (publish events a test holds back, fire clocks a test
 * set due), while earlier runs leave due clocks and outbox rows behind.
 */
public class PrivateSchemaTestResource implements QuarkusTestResourceLifecycleManager {

    private PrivateSchemas schemas;

    @Override
    public Map<String, String> start() {
        String name = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        schemas = new PrivateSchemas(TestPlatform.get(), name, List.of(Service.TICKET)).create();
        return schemas.overrides(Service.TICKET);
    }

    @Override
    public void stop() {
        if (schemas != null) {
            schemas.close();
        }
    }
}
