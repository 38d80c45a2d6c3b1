package io.switchboard.mention.infra;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.switchboard.events.Channel;
import io.switchboard.events.Topics;
import io.switchboard.events.mention.MentionReceived;
import io.switchboard.fakes.FakeXServer;
import io.switchboard.mention.channel.webhook.WebhookSignature;
import io.switchboard.mention.channel.x.XWebhookSignature;
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
 * The test platform's PostgreSQL really stops (fast shutdown: pooled connections are terminated,
 * new ones refused) while posts arrive at every public door. Each is answered 503 with Retry-After
 * and a problem body that gives nothing away; once the database is back, the very same signed
 * request is accepted, and published exactly once.
 */
@QuarkusTest
class StorageOutageTest {

    private static final String WEBHOOK = "/api/v1/channels/webhook/test-shop";
    private static final String WEBHOOK_SECRET = "test-only-webhook-secret";
    private static final Duration DOWN_FOR = Duration.ofSeconds(15);

    @Inject
    Pool pool;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String databaseUrl;

    @Test
    void everyPublicDoorAnswers503WithRetryAfterDuringAnOutageAndTheSamePostIsAcceptedOnceAfter() throws Exception {
        String id = "outage-" + Mentions.uniqueId();
        String text = "Where is my parcel " + id;
        byte[] webhookBody = ("{\"id\":\"" + id + "\",\"text\":\"" + text + "\",\"author\":{\"id\":\"cust-outage\"}}")
                .getBytes(StandardCharsets.UTF_8);
        long timestamp = Instant.now().getEpochSecond();
        String signature = WebhookSignature.sign(WEBHOOK_SECRET, timestamp, webhookBody);
        String tweetId = Mentions.uniqueId();
        byte[] xBody = xEvent(tweetId).getBytes(StandardCharsets.UTF_8);
        double unavailableBefore = unavailable("webhook") + unavailable("ask_us") + unavailable("x");

        PlatformRestarts restarts = PlatformRestarts.of(Workspace.find(), Profile.TEST, line -> System.out.println("[outage] " + line));
        CompletableFuture<Restart> restart = CompletableFuture.supplyAsync(() -> restarts.restartPostgres(Stop.GRACEFUL, DOWN_FOR));
        try (TopicWatcher mentions = new TopicWatcher(bootstrap, Topics.MENTIONS)) {
            PortProbe.awaitRefused(Integer.parseInt(databaseUrl.replaceAll(".*:(\\d+)/.*", "$1")), Duration.ofSeconds(20));

            ExtractableResponse<Response> webhook = postWebhook(webhookBody, timestamp, signature).then().extract();
            assertUnavailableProblem(webhook, text, id);

            ExtractableResponse<Response> askJson = given().header("X-Forwarded-For", "10.99.0.1").contentType("application/json")
                    .body("{\"email\":\"outage@example.com\",\"message\":\"" + text + "\"}").when().post("/api/v1/ask")
                    .then().extract();
            assertUnavailableProblem(askJson, text, "outage@example.com");

            // A person at a browser: a page that says to send the form again in a moment.
            given().header("X-Forwarded-For", "10.99.0.2").accept("text/html")
                    .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                    .body("email=outage%40example.com&message=hello").when().post("/api/v1/ask")
                    .then().statusCode(503).header("Retry-After", "5").contentType(containsString("text/html"))
                    .body(containsString("Please try again in a moment")).body(containsString("send the form again in 5 seconds"));

            ExtractableResponse<Response> x = given().contentType("application/json")
                    .header(XWebhookSignature.HEADER, XWebhookSignature.sign(FakeXServer.CONSUMER_SECRET, xBody))
                    .body(xBody).when().post("/api/v1/channels/x/webhook").then().extract();
            assertUnavailableProblem(x, "charged twice", tweetId);

            assertThat(unavailable("webhook") + unavailable("ask_us") + unavailable("x") - unavailableBefore).isEqualTo(4.0);

            Restart done = restart.get(90, TimeUnit.SECONDS);
            System.out.println("[outage] PostgreSQL was down for " + done.outage().toMillis() + " ms");

            // The sender retries the identical signed request, as Retry-After told it to: nothing of the
            // first attempt was kept (not even its replay key), so it is accepted now, once.
            int status = retryUntilNot503(() -> postWebhook(webhookBody, timestamp, signature).statusCode());
            assertThat(status).isEqualTo(202);
            postWebhook(webhookBody, timestamp, signature).then().statusCode(409);
            assertThat(retryUntilNot503(() -> given().contentType("application/json")
                    .header(XWebhookSignature.HEADER, XWebhookSignature.sign(FakeXServer.CONSUMER_SECRET, xBody))
                    .body(xBody).when().post("/api/v1/channels/x/webhook").statusCode())).isEqualTo(200);

            List<TopicWatcher.Received> published = mentions.await(2, Duration.ofSeconds(20),
                    r -> r.event() instanceof MentionReceived m && (m.externalId().equals(id) || m.externalId().equals(tweetId)));
            assertThat(published).hasSize(2);
            assertThat(mentions.poll(Duration.ofSeconds(3),
                    r -> r.event() instanceof MentionReceived m && (m.externalId().equals(id) || m.externalId().equals(tweetId))))
                    .as("still one copy of each post").hasSize(2);
            assertThat(Db.mentions(pool, Channel.WEBHOOK, id)).isEqualTo(1);
            assertThat(Db.mentions(pool, Channel.X, tweetId)).isEqualTo(1);
        } finally {
            restart.get(90, TimeUnit.SECONDS);
        }
        Readiness.awaitReady(Duration.ofSeconds(90));
    }

    private static io.restassured.response.Response postWebhook(byte[] body, long timestamp, String signature) {
        return given().contentType("application/json")
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER, signature)
                .body(body).when().post(WEBHOOK);
    }

    private static void assertUnavailableProblem(ExtractableResponse<Response> response, String... neverShown) {
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.header("Retry-After")).isEqualTo("5");
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.<String>path("type")).isEqualTo("about:blank");
        assertThat(response.<String>path("title")).isEqualTo("Service Unavailable");
        assertThat(response.<Integer>path("status")).isEqualTo(503);
        assertThat(response.<String>path("detail")).contains("send it again");
        String body = response.asString();
        assertThat(body).doesNotContainIgnoringCase("exception").doesNotContainIgnoringCase("sql")
                .doesNotContain("insert").doesNotContain("\tat ").doesNotContain("5432");
        for (String secret : neverShown) {
            assertThat(body).doesNotContain(secret);
        }
    }

    private double unavailable(String channel) {
        Counter counter = registry.find("switchboard.mentions.unavailable").tag("channel", channel).counter();
        return counter == null ? 0 : counter.count();
    }

    /** What a sender honouring Retry-After does; the pool may need a moment to reconnect. */
    private static int retryUntilNot503(java.util.function.IntSupplier request) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int status = request.getAsInt();
        while (status == 503 && System.nanoTime() < deadline) {
            Thread.sleep(500);
            status = request.getAsInt();
        }
        return status;
    }

    private static String xEvent(String tweetId) {
        return "{\"for_user_id\":\"" + FakeXServer.BRAND_USER_ID + "\",\"tweet_create_events\":[{\"id_str\":\"" + tweetId
                + "\",\"text\":\"@acme_help my card was charged twice\",\"created_at\":\"Wed Oct 10 20:19:24 +0000 2018\","
                + "\"in_reply_to_status_id_str\":null,\"lang\":\"en\",\"user\":{\"id_str\":\"4242424242\",\"screen_name\":\"jo\",\"name\":\"Jo\"},"
                + "\"entities\":{\"urls\":[]}}]}";
    }
}
