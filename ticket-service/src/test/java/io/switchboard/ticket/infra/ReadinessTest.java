package io.switchboard.ticket.infra;

import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.kit.testing.ServiceReadinessContract;

/** Readiness is UP only because the real database and the real broker answer. */
@QuarkusTest
class ReadinessTest extends ServiceReadinessContract {
}
