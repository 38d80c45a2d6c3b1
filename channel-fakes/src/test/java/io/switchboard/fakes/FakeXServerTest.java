package io.switchboard.fakes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The fake's own behaviour where a client runs for minutes: the live stream and webhook signatures. */
class FakeXServerTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final FakeXServer fake = (FakeXServer) new FakeXServer().liveStream(Duration.ofMillis(100)).start();

    @AfterEach
    void stop() {
        fake.stop();
    }

    private InputStream openStream() throws Exception {
        HttpResponse<InputStream> response = HTTP.send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/2/tweets/search/stream"))
                .header("Authorization", "Bearer " + FakeXServer.BEARER).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    @Test
    void aLiveStreamStaysOpenWithKeepAlivesAndCarriesEveryPostGiven() throws Exception {
        String early = FakeXServer.nextId();
        fake.streamPost(FakeXServer.tweet(early, "42", "@acme_help given before anyone connected"), FakeXServer.user("42", "jo", 1));
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(openStream(), StandardCharsets.UTF_8))) {
            JsonNode first = new ObjectMapper().readTree(lines.readLine());
            assertThat(first.path("data").path("id").asText()).isEqualTo(early);
            assertThat(first.path("includes").path("users").path(0).path("username").asText()).isEqualTo("jo");

            assertThat(lines.readLine()).as("a keep-alive while nothing happens").isEmpty();
            assertThat(lines.readLine()).isEmpty();

            String later = FakeXServer.nextId();
            fake.streamPost(FakeXServer.tweet(later, "42", "@acme_help and one while connected"), FakeXServer.user("42", "jo", 1));
            String line;
            do {
                line = lines.readLine();
            } while (line != null && line.isEmpty());
            assertThat(new ObjectMapper().readTree(line).path("data").path("id").asText()).isEqualTo(later);
        }
    }

    @Test
    void aScriptQueuedForTheNextConnectionStillWins() throws Exception {
        fake.nextStream(StreamScript.connected().line("{\"errors\":[{\"title\":\"scripted\"}]}"));
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(openStream(), StandardCharsets.UTF_8))) {
            assertThat(lines.readLine()).contains("scripted");
            assertThat(lines.readLine()).as("the script ended, so did the connection").isNull();
        }
    }

    @Test
    void webhookSignaturesFollowTheCrcKnownAnswerVector() {
        // shared/reference/x-api-v2/crc-vector.json
        assertThat(FakeXServer.webhookSignature("9b4507b3-9040-4669-9ca3-6b94edb50553".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=Cytd4Sq+NvEcV3MMrXxWJGJx5A+y/lXzzU2Maartkx8=");
    }
}
