package io.switchboard.mention.channel.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.switchboard.events.Channel;
import io.switchboard.events.Topics;
import io.switchboard.events.Visibility;
import io.switchboard.events.mention.MentionReceived;
import io.switchboard.mention.testing.Db;
import io.switchboard.mention.testing.Mentions;
import io.switchboard.mention.testing.TopicWatcher;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;

/** The generic signed webhook, with the test source "test-shop" (its secret is in the test profile). */
@QuarkusTest
class WebhookResourceTest {

    static final String SOURCE = "test-shop";
    static final String SECRET = "test-only-webhook-secret";
    static final String PATH = "/api/v1/channels/webhook/" + SOURCE;

    @Inject
    Pool pool;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    static String body(String id, String text) {
        return "{\"id\":\"" + id + "\",\"text\":\"" + text + "\",\"conversationId\":\"c-" + id + "\","
                + "\"author\":{\"id\":\"cust-1\",\"handle\":\"@jo\",\"name\":\"Jo\",\"followers\":12},"
                + "\"postedAt\":\"2026-03-02T09:15:00Z\",\"private\":true,"
                + "\"media\":[{\"kind\":\"image\",\"url\":\"https://shop.example/p.png\"}]}";
    }

    static ValidatableResponse post(byte[] body, long timestamp, String signature) {
        return given().contentType("application/json")
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER, signature)
                .body(body).when().post(PATH).then();
    }

    static ValidatableResponse postSigned(byte[] body) {
        long now = Instant.now().getEpochSecond();
        return post(body, now, WebhookSignature.sign(SECRET, now, body));
    }

    @Test
    void aSignedPostIsAcceptedAndPublished() {
        String id = "order-" + Mentions.uniqueId();
        try (TopicWatcher mentions = new TopicWatcher(bootstrap, Topics.MENTIONS)) {
            postSigned(body(id, "Where is my parcel?").getBytes(StandardCharsets.UTF_8))
                    .statusCode(202).body("status", equalTo("accepted")).body("mentionId", notNullValue());

            List<TopicWatcher.Received> received = mentions.await(1, Duration.ofSeconds(15),
                    r -> r.event() instanceof MentionReceived m && m.externalId().equals(id));
            assertThat(received).hasSize(1);
            MentionReceived event = (MentionReceived) received.get(0).event();
            assertThat(event.channel()).isEqualTo(Channel.WEBHOOK);
            assertThat(event.source()).isEqualTo("webhook:" + SOURCE);
            assertThat(event.visibility()).isEqualTo(Visibility.PRIVATE);
            assertThat(event.author().handle()).isEqualTo("jo");
            assertThat(event.media()).hasSize(1);
            assertThat(received.get(0).key()).isEqualTo("webhook:c-" + id);
        }
    }

    @Test
    void aRetryOfTheSamePostIsADuplicateAndAnExactReplayIsRefused() {
        byte[] body = body("order-" + Mentions.uniqueId(), "hello").getBytes(StandardCharsets.UTF_8);
        long now = Instant.now().getEpochSecond();
        String signature = WebhookSignature.sign(SECRET, now, body);

        post(body, now, signature).statusCode(202);
        post(body, now, signature).statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("already received"));
        // The sender's retry signs again with a new timestamp: not a replay, but the same post.
        post(body, now + 1, WebhookSignature.sign(SECRET, now + 1, body)).statusCode(200)
                .body("status", equalTo("duplicate"));
    }

    @Test
    void staleFutureForgedAndUnsignedRequestsAreRefused() {
        String id = "order-" + Mentions.uniqueId();
        byte[] body = body(id, "hi").getBytes(StandardCharsets.UTF_8);
        long stale = Instant.now().minusSeconds(310).getEpochSecond();
        long future = Instant.now().plusSeconds(310).getEpochSecond();
        long now = Instant.now().getEpochSecond();

        post(body, stale, WebhookSignature.sign(SECRET, stale, body)).statusCode(401)
                .contentType("application/problem+json").body("detail", containsString("older than 5 minutes"));
        post(body, future, WebhookSignature.sign(SECRET, future, body)).statusCode(401);
        post(body, now, WebhookSignature.sign("not-the-secret", now, body)).statusCode(401)
                .body("detail", containsString("does not match"));
        // Signed for one body, sent with another.
        post(body(id, "changed").getBytes(StandardCharsets.UTF_8), now, WebhookSignature.sign(SECRET, now, body))
                .statusCode(401);
        post(body, now, "sha256=zz").statusCode(401);
        given().contentType("application/json").body(body).when().post(PATH).then().statusCode(401)
                .contentType("application/problem+json");

        assertThat(Db.mentions(pool, Channel.WEBHOOK, id)).isZero();
    }

    @Test
    void anUnknownSourceIsNotFound() {
        long now = Instant.now().getEpochSecond();
        byte[] body = body("x", "hi").getBytes(StandardCharsets.UTF_8);
        given().contentType("application/json")
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(now))
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(SECRET, now, body))
                .body(body).when().post("/api/v1/channels/webhook/nobody").then()
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void badBodiesGetAProblemAndNothingIsStored() {
        String id = "order-" + Mentions.uniqueId();
        postSigned("{\"id\": \"x\", ".getBytes(StandardCharsets.UTF_8)).statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("not valid JSON"));
        postSigned("[1,2]".getBytes(StandardCharsets.UTF_8)).statusCode(400);
        postSigned(("{\"id\":\"" + id + "\",\"text\":\"no author\"}").getBytes(StandardCharsets.UTF_8))
                .statusCode(400).body("detail", containsString("'author'"));
        postSigned(("{\"id\":\"" + id + "\",\"author\":{\"id\":\"a\"}}").getBytes(StandardCharsets.UTF_8))
                .statusCode(400).body("detail", containsString("'text'"));
        postSigned(("{\"id\":\"" + id + "\",\"text\":7,\"author\":{\"id\":\"a\"}}").getBytes(StandardCharsets.UTF_8))
                .statusCode(400).body("detail", containsString("must be a string"));
        postSigned(("{\"id\":\"" + id + "\",\"text\":\"a\",\"text\":\"b\",\"author\":{\"id\":\"a\"}}")
                .getBytes(StandardCharsets.UTF_8)).statusCode(400);
        byte[] invalidUtf8 = ("{\"id\":\"" + id + "\",\"text\":\"caf\u00e9\",\"author\":{\"id\":\"a\"}}")
                .getBytes(StandardCharsets.ISO_8859_1);
        postSigned(invalidUtf8).statusCode(400).body("detail", containsString("UTF-8"));
        postSigned(body(id, "x".repeat(10_001)).getBytes(StandardCharsets.UTF_8)).statusCode(400)
                .body("detail", containsString("longer than the 10000 characters"));
        postSigned(body(id, "x".repeat(70_000)).getBytes(StandardCharsets.UTF_8)).statusCode(413)
                .contentType("application/problem+json");

        assertThat(Db.mentions(pool, Channel.WEBHOOK, id)).isZero();
    }
}
