package io.switchboard.system.faults;

import static io.restassured.RestAssured.given;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.switchboard.platform.Service;
import io.switchboard.platform.testing.DemoUsers;
import io.switchboard.platform.testing.KeycloakTokens;
import io.switchboard.system.harness.SystemStack;

/**
 * Closes a run's tickets through ticket-service's API as an administrator, so the thousands a fault
 * or hostile-input run opens do not wait in the shared queues and delay the next test's tickets.
 */
final class RunTickets {

    private RunTickets() {
    }

    /** Returns how many were closed (already closed ones answer 409 and are not counted). */
    static int close(SystemStack stack, Collection<UUID> tickets) throws InterruptedException {
        KeycloakTokens tokens = KeycloakTokens.forPlatform(stack.platform());
        String ticketService = stack.baseUrl(Service.TICKET);
        // one token for all: eight threads each asking a loaded Keycloak for one at once time out
        String admin = tokens.token(DemoUsers.ADA);
        AtomicInteger closed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (UUID ticket : tickets) {
            pool.execute(() -> {
                try {
                    int status = given().baseUri(ticketService).auth().oauth2(admin)
                            .contentType("application/json").body(Map.of("status", "CLOSED", "reason", "system test run over"))
                            .put("/api/v1/tickets/{id}/status", ticket).statusCode();
                    if (status == 200) {
                        closed.incrementAndGet();
                    }
                } catch (Exception e) {
                    // best effort: a ticket left open only waits in a queue
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        System.out.printf("[faults] closed %d of the run's %d tickets%n", closed.get(), tickets.size());
        return closed.get();
    }
}
