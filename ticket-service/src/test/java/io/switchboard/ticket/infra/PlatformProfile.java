package io.switchboard.ticket.infra;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.switchboard.platform.testing.PlatformTestResource;

/**
 * Every test of this service runs against the real Kafka, PostgreSQL and Keycloak of the test
 * platform, in a database schema and on Kafka topics of its own (see {@link PrivateSchemaTestResource}
 * and {@link PrivateTopicsTestResource}): other modules' tests share that platform, at the same time.
 */
@QuarkusTestResource(value = PlatformTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "service", value = "ticket"))
@QuarkusTestResource(value = PrivateSchemaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PrivateTopicsTestResource.class, restrictToAnnotatedClass = false)
public final class PlatformProfile {
    private PlatformProfile() {
    }
}
