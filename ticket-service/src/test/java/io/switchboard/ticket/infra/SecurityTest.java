package io.switchboard.ticket.infra;

import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.kit.testing.ServiceSecurityContract;

/** Bearer-token security with real tokens from the real Keycloak. */
@QuarkusTest
class SecurityTest extends ServiceSecurityContract {
}
