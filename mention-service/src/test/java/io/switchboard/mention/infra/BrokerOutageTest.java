package io.switchboard.mention.infra;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.events.Channel;
import io.switchboard.events.Topics;
import io.switchboard.events.mention.MentionReceived;
import io.switchboard.mention.channel.webhook.WebhookSignature;
import io.switchboard.mention.testing.Db;
import io.switchboard.mention.testing.Mentions;
import io.switchboard.kit.testing.PortProbe;
import io.switchboard.kit.testing.Readiness;
import io.switchboard.mention.testing.TopicWatcher;
import io.switchboard.platform.PlatformRestarts;
import io.switchboard.platform.PlatformRestarts.Restart;
import io.switchboard.platform.PlatformRestarts.Stop;
import io.switchboard.platform.Profile;
import io.switchboard.platform.Workspace;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;

/**
 * Accepting a post touches PostgreSQL only: with the test platform's Kafka broker stopped, the signed
 * webhook still answers 202 (not 503, not 500), and the outbox relay publishes the post once the
 * broker is back (at least once: every copy is the same event).
 */
@QuarkusTest
class BrokerOutageTest {

    private static final String WEBHOOK = "/api/v1/channels/webhook/test-shop";
    private static final String WEBHOOK_SECRET = "test-only-webhook-secret";

    @Inject
    Pool pool;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void postsAreAcceptedWhileKafkaIsDownAndPublishedOnceItIsBack() throws Exception {
        String id = "broker-outage-" + Mentions.uniqueId();
        byte[] body = ("{\"id\":\"" + id + "\",\"text\":\"My order never came\",\"author\":{\"id\":\"cust-broker\"}}")
                .getBytes(StandardCharsets.UTF_8);
        int port = Integer.parseInt(bootstrap.replaceAll(".*:(\\d+)$", "$1"));

        PlatformRestarts restarts = PlatformRestarts.of(Workspace.find(), Profile.TEST, line -> System.out.println("[broker] " + line));
        try (TopicWatcher mentions = new TopicWatcher(bootstrap, Topics.MENTIONS)) {
            CompletableFuture<Restart> restart = CompletableFuture.supplyAsync(
                    () -> restarts.restartKafka(Stop.GRACEFUL, Duration.ofSeconds(8)));
            try {
                PortProbe.awaitRefused(port, Duration.ofSeconds(60));
                long now = Instant.now().getEpochSecond();
                given().contentType("application/json")
                        .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(now))
                        .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(WEBHOOK_SECRET, now, body))
                        .body(body).when().post(WEBHOOK).then().statusCode(202).body("status", equalTo("accepted"));
                assertThat(PortProbe.refuses(port)).as("the broker was still down when the post was accepted").isTrue();
                assertThat(Db.mentions(pool, Channel.WEBHOOK, id)).isEqualTo(1);
            } finally {
                Restart done = restart.get(120, TimeUnit.SECONDS);
                System.out.println("[broker] Kafka was down for " + done.outage().toMillis() + " ms");
            }
            // The watcher's consumer reconnects too; the relay sends the row it could not send before.
            List<TopicWatcher.Received> published = mentions.await(1, Duration.ofSeconds(60),
                    r -> r.event() instanceof MentionReceived m && m.externalId().equals(id));
            assertThat(published).isNotEmpty();
            // At least once, as the outbox promises: a send that timed out during the outage may still be
            // delivered by the producer and then relayed again; every copy is the same event (one event id),
            // which consumers de-duplicate.
            assertThat(mentions.poll(Duration.ofSeconds(3), r -> r.event() instanceof MentionReceived m && m.externalId().equals(id))
                    .stream().map(r -> r.event().eventId()).distinct()).as("one event").hasSize(1);
        }
        Readiness.awaitReady(Duration.ofSeconds(90));
    }
}
