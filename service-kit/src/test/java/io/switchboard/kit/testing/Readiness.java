package io.switchboard.kit.testing;

import static io.restassured.RestAssured.given;

import java.time.Duration;

/**
 * Waits for the service's readiness after a platform server was restarted under it: the database
 * pool and the Kafka clients reconnect on their own, but not at once. Tests that restart a server
 * end with it, so they also show the service recovers, and the next test finds it ready.
 */
public final class Readiness {

    private Readiness() {
    }

    public static void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int status = -1;
        while (System.nanoTime() < deadline) {
            status = given().when().get("/q/health/ready").statusCode();
            if (status == 200) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("/q/health/ready still answers " + status + " " + timeout + " after the restart");
    }
}
