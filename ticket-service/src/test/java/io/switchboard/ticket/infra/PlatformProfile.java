package io.switchboard.ticket.infra;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.switchboard.platform.testing.PlatformTestResource;

/**
 * Every test of this service runs against the real Kafka, PostgreSQL and Keycloak of the test
 * platform, consuming with a consumer group of its own (see {@link ConsumerGroupsTestResource}).
 */
@QuarkusTestResource(value = PlatformTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "service", value = "ticket"))
@QuarkusTestResource(value = ConsumerGroupsTestResource.class, restrictToAnnotatedClass = false)
public final class PlatformProfile {
    private PlatformProfile() {
    }
}
