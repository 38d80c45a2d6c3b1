package io.switchboard.ticket.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.switchboard.kit.testing.PortProbe;
import io.switchboard.kit.testing.Readiness;
import io.switchboard.platform.PlatformRestarts;
import io.switchboard.platform.PlatformRestarts.Restart;
import io.switchboard.platform.PlatformRestarts.Stop;
import io.switchboard.platform.Profile;
import io.switchboard.platform.Workspace;
import io.switchboard.ticket.testing.Api;
import jakarta.inject.Inject;

/**
 * The test platform's PostgreSQL really stops while an agent works: reading a ticket and changing
 * one are answered 503 with Retry-After and a problem body (the gateway passes it on, the app says
 * "try again"), not a bare 500; once the database is back the same calls succeed.
 */
@QuarkusTest
class StorageOutageTest {

    private static final Duration DOWN_FOR = Duration.ofSeconds(10);

    @Inject
    Api api;

    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String databaseUrl;

    @Test
    void anAgentsCallsAre503WithRetryAfterWhileTheDatabaseIsDownAndSucceedAfter() throws Exception {
        UUID ticket = api.careTicket("Checkout keeps failing " + UUID.randomUUID());
        PlatformRestarts restarts = PlatformRestarts.of(Workspace.find(), Profile.TEST,
                line -> System.out.println("[outage] " + line));
        CompletableFuture<Restart> restart = CompletableFuture.supplyAsync(() -> restarts.restartPostgres(Stop.GRACEFUL, DOWN_FOR));
        try {
            PortProbe.awaitRefused(Integer.parseInt(databaseUrl.replaceAll(".*:(\\d+)/.*", "$1")), Duration.ofSeconds(20));

            assertUnavailable(api.as("ava").get("/api/v1/tickets/{id}", ticket));
            assertUnavailable(api.as("ava").body("{\"priority\":\"HIGH\"}").put("/api/v1/tickets/{id}/priority", ticket));
        } finally {
            restart.get(90, TimeUnit.SECONDS);
            Readiness.awaitReady(Duration.ofSeconds(90));
        }
        api.as("ava").get("/api/v1/tickets/{id}", ticket).then().statusCode(200);
    }

    private static void assertUnavailable(Response response) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(503);
        assertThat(response.header("Retry-After")).isEqualTo("5");
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getInt("status")).isEqualTo(503);
        assertThat(response.jsonPath().getString("detail")).contains("Retry-After")
                .doesNotContain("Pg", "SQL", "Exception", "localhost");
    }
}
