package io.switchboard.mention.infra;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.switchboard.mention.fake.FakeSocialResource;
import io.switchboard.mention.fake.FakeXResource;
import io.switchboard.platform.testing.PlatformTestResource;

/**
 * Every test of this service runs against the real Kafka, PostgreSQL and Keycloak of the test
 * platform, and against the fake social platforms of the test sources (one of each for the run).
 */
@QuarkusTestResource(value = PlatformTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "service", value = "mention"))
@QuarkusTestResource(value = FakeXResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = FakeSocialResource.class, restrictToAnnotatedClass = false)
public final class PlatformProfile {
    private PlatformProfile() {
    }
}
