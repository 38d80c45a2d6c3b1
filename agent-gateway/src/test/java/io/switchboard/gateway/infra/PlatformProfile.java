package io.switchboard.gateway.infra;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.switchboard.gateway.testing.FakeDownstreamResource;
import io.switchboard.platform.testing.PlatformTestResource;

/**
 * Every test of this service runs against the real Kafka, PostgreSQL and Keycloak of the test
 * platform, and against FakeDownstream, which answers as ticket-service's and routing-service's REST
 * APIs do (the system tests use the real ones). One application boot serves every test class.
 */
@QuarkusTestResource(value = PlatformTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "service", value = "gateway"))
@QuarkusTestResource(value = FakeDownstreamResource.class, restrictToAnnotatedClass = false)
public final class PlatformProfile {
    private PlatformProfile() {
    }
}
