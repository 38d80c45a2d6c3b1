package io.switchboard.kit.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import org.junit.jupiter.api.Test;


/**
 * Readiness is UP only because the real database and the real broker answer. Each service runs it
 * with {@code @QuarkusTest class ReadinessTest extends ServiceReadinessContract {}}.
 */

public abstract class ServiceReadinessContract {

    @Test
    public void readinessChecksTheDatabaseAndKafka() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Reactive PostgreSQL connections health check",
                        "Kafka connection health check"));
    }
}
