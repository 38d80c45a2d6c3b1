package io.switchboard.mention.infra;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.events.Channel;
import io.switchboard.mention.channel.ConnectorHealth;
import io.switchboard.mention.ingest.MentionIngestor;
import io.switchboard.mention.mention.Mention;
import io.switchboard.mention.testing.Mentions;
import jakarta.inject.Inject;

/** Metrics per channel and readiness detail per connector, as an operator sees them. */
@QuarkusTest
class ObservabilityTest {

    @Inject
    MentionIngestor ingestor;

    @Inject
    ConnectorHealth health;

    @Test
    void metricsCountMentionsDuplicatesActionableAndTriageTimePerChannel() {
        Mention post = Mentions.post(Channel.WEBHOOK, "@acme my parcel never arrived, this is ridiculous").build();
        ingestor.ingest(post).await().atMost(Duration.ofSeconds(10));
        ingestor.ingest(post).await().atMost(Duration.ofSeconds(10));

        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();

        assertThat(count(metrics, "switchboard_mentions_received_total{channel=\"webhook\"")).isGreaterThanOrEqualTo(1);
        assertThat(count(metrics, "switchboard_mentions_duplicates_total{channel=\"webhook\"")).isGreaterThanOrEqualTo(1);
        assertThat(count(metrics, "switchboard_mentions_actionable_total{channel=\"webhook\"")).isGreaterThanOrEqualTo(1);
        assertThat(count(metrics, "switchboard_triage_time_seconds_count{channel=\"webhook\"")).isGreaterThanOrEqualTo(2);
        assertThat(metrics).contains("switchboard_triage_time_seconds{channel=\"webhook\",quantile=\"0.99\"");
    }

    @Test
    void oneConnectorsOutageShowsInReadinessWithoutMakingTheServiceUnready() {
        health.up("test-healthy-connector");
        health.down("test-broken-connector", "credentials refused (HTTP 401)");

        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Channel connectors"))
                .body("checks.find { it.name == 'Channel connectors' }.data.test-broken-connector",
                        org.hamcrest.Matchers.startsWith("down since"))
                .body("checks.find { it.name == 'Channel connectors' }.data.test-healthy-connector",
                        org.hamcrest.Matchers.startsWith("up since"));
        String metrics = given().when().get("/q/metrics").then().extract().asString();
        assertThat(metrics).contains("switchboard_connector_state{connector=\"test-broken-connector\"} 0.0")
                .contains("switchboard_connector_state{connector=\"test-healthy-connector\"} 2.0");
    }

    /** The value of the first sample line starting with {@code prefix}. */
    private static double count(String metrics, String prefix) {
        List<String> lines = metrics.lines().filter(l -> l.startsWith(prefix)).toList();
        assertThat(lines).as(prefix).isNotEmpty();
        String line = lines.get(0);
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }
}
