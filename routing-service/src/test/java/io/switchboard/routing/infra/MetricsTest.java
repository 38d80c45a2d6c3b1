package io.switchboard.routing.infra;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.events.ticket.Priority;
import io.switchboard.routing.Routing;
import io.switchboard.routing.testing.Scenario;
import io.switchboard.routing.testing.ScenarioTest;
import jakarta.inject.Inject;

/** Decisions, time to assignment, and depth and oldest wait per queue on /q/metrics. */
@QuarkusTest
class MetricsTest extends ScenarioTest {

    @Inject
    Routing routing;

    @Test
    void routingPublishesItsMetrics() throws InterruptedException {
        Scenario s = scenario();
        s.queue("served", "served-team", true, null, null);
        s.queue("mq", "mq-team", true, null, null);
        String agent = s.agent("agent", "served-team", 2);
        s.online(agent);
        // Through the service's own engine, which reports to the metrics; placed by team hint in the queues above.
        Scenario.await(routing.ticketRouting().open(s.opened("served-team", Priority.NORMAL, "en")));
        Scenario.await(routing.ticketRouting().open(s.opened("mq-team", Priority.NORMAL, "en")));

        String metrics = "";
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline && !metrics.contains("queue=\"" + s.id("mq") + "\"")) {
            Thread.sleep(500);
            metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        }
        assertThat(metrics).contains("routing_decisions_total{reason=\"BEST_FIT\",type=\"assigned\"}");
        assertThat(metrics).contains("routing_decisions_total{reason=\"NO_AGENT_ONLINE\",type=\"queued\"}");
        assertThat(metrics).contains("routing_time_to_assignment_seconds_count");
        assertThat(metrics).contains("routing_queue_depth{queue=\"" + s.id("mq") + "\"} 1.0");
        assertThat(metrics).contains("routing_queue_oldest_wait_seconds{queue=\"" + s.id("mq") + "\"}");
    }
}
