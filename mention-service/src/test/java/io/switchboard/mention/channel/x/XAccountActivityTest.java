package io.switchboard.mention.channel.x;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.events.Channel;
import io.switchboard.events.Topics;
import io.switchboard.events.Visibility;
import io.switchboard.events.mention.MentionReceived;
import io.switchboard.fakes.FakeXServer;
import io.switchboard.mention.testing.Db;
import io.switchboard.mention.testing.TopicWatcher;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;

/** X's Account Activity webhook: the CRC known-answer vector and signed event posts. */
@QuarkusTest
class XAccountActivityTest {

    private static final String PATH = "/api/v1/channels/x/webhook";

    @Inject
    Pool pool;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void theCrcChallengeIsAnsweredPerTheKnownAnswerVector() throws IOException {
        JsonNode vector;
        try (InputStream in = getClass().getResourceAsStream("/x-api-v2/crc-vector.json")) {
            vector = new ObjectMapper().readTree(in);
        }
        assertThat(vector.path("consumer_secret").asText()).isEqualTo(FakeXServer.CONSUMER_SECRET);

        given().queryParam("crc_token", vector.path("crc_token").asText()).when().get(PATH)
                .then().statusCode(200)
                .body("response_token", equalTo(vector.path("expected_response").path("response_token").asText()));
        given().when().get(PATH).then().statusCode(400).contentType("application/problem+json");
    }

    static String events(String tweetId, String dmId, String userId) {
        return "{\"for_user_id\":\"" + FakeXServer.BRAND_USER_ID + "\",\"tweet_create_events\":[{\"id_str\":\"" + tweetId
                + "\",\"text\":\"@acme_help my card was charged twice\",\"created_at\":\"Wed Oct 10 20:19:24 +0000 2018\","
                + "\"in_reply_to_status_id_str\":null,\"lang\":\"en\",\"user\":{\"id_str\":\"" + userId
                + "\",\"screen_name\":\"jo\",\"name\":\"Jo\",\"followers_count\":42,\"verified\":false},"
                + "\"entities\":{\"urls\":[]}},{\"id_str\":\"nope\",\"user\":{}}],"
                + "\"direct_message_events\":[{\"type\":\"message_create\",\"id\":\"" + dmId
                + "\",\"created_timestamp\":\"1539202764000\",\"message_create\":{\"target\":{\"recipient_id\":\""
                + FakeXServer.BRAND_USER_ID + "\"},\"sender_id\":\"" + userId
                + "\",\"message_data\":{\"text\":\"here is my order number 123\"}}}],"
                + "\"users\":{\"" + userId + "\":{\"id\":\"" + userId + "\",\"screen_name\":\"jo\",\"name\":\"Jo\"}}}";
    }

    @Test
    void signedEventsBecomeMentionsOnceAndTheRestIsCountedAsGarbage() {
        String tweetId = FakeXServer.nextId();
        String dmId = FakeXServer.nextId();
        String userId = FakeXServer.nextId();
        byte[] body = events(tweetId, dmId, userId).getBytes(StandardCharsets.UTF_8);
        String signature = XWebhookSignature.sign(FakeXServer.CONSUMER_SECRET, body);

        try (TopicWatcher mentions = new TopicWatcher(bootstrap, Topics.MENTIONS)) {
            given().contentType("application/json").header(XWebhookSignature.HEADER, signature).body(body)
                    .when().post(PATH).then().statusCode(200)
                    .body("accepted", equalTo(2)).body("duplicates", equalTo(0)).body("skipped", equalTo(1));
            // X retries deliveries it thinks failed: the same events are duplicates now.
            given().contentType("application/json").header(XWebhookSignature.HEADER, signature).body(body)
                    .when().post(PATH).then().statusCode(200).body("accepted", equalTo(0)).body("duplicates", equalTo(2));

            List<TopicWatcher.Received> received = mentions.await(2, Duration.ofSeconds(15), r ->
                    r.event() instanceof MentionReceived m && (m.externalId().equals(tweetId)
                            || m.externalId().equals("dm:" + dmId)));
            assertThat(received).hasSize(2);
            MentionReceived dm = received.stream().map(r -> (MentionReceived) r.event())
                    .filter(m -> m.visibility() == Visibility.PRIVATE).findFirst().orElseThrow();
            assertThat(dm.conversationId()).isEqualTo("dm:" + userId);
            assertThat(dm.author().handle()).isEqualTo("jo");
        }
    }

    @Test
    void forgedOrUnsignedPostsAreRefusedAndStoreNothing() {
        String tweetId = FakeXServer.nextId();
        byte[] body = events(tweetId, FakeXServer.nextId(), FakeXServer.nextId()).getBytes(StandardCharsets.UTF_8);

        given().contentType("application/json").header(XWebhookSignature.HEADER,
                XWebhookSignature.sign("wrong-secret", body)).body(body).when().post(PATH)
                .then().statusCode(401).contentType("application/problem+json");
        given().contentType("application/json").body(body).when().post(PATH).then().statusCode(401);
        byte[] garbage = "{\"tweet_create_events\": [".getBytes(StandardCharsets.UTF_8);
        given().contentType("application/json").header(XWebhookSignature.HEADER,
                XWebhookSignature.sign(FakeXServer.CONSUMER_SECRET, garbage)).body(garbage).when().post(PATH)
                .then().statusCode(400).contentType("application/problem+json");

        assertThat(Db.mentions(pool, Channel.X, tweetId)).isZero();
    }
}
