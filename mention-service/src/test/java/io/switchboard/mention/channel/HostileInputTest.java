package io.switchboard.mention.channel;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.switchboard.events.mention.MentionReceived;
import io.switchboard.mention.channel.webhook.WebhookSignature;
import io.switchboard.mention.testing.Db;
import io.switchboard.mention.testing.Mentions;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;

/**
 * Strangers' text through the public endpoints: the Big List of Naughty Strings and the XSS,
 * SQL-injection and template-injection lists (src/test/resources, MIT, LICENSE files beside them).
 * Each is accepted as data and stored verbatim, or refused with a problem; nothing ever crashes.
 */
@QuarkusTest
class HostileInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Pool pool;

    static List<String> naughtyStrings() throws IOException {
        try (InputStream in = HostileInputTest.class.getResourceAsStream("/naughty-strings/blns.json")) {
            return JSON.readValue(in, new TypeReference<List<String>>() {
            });
        }
    }

    static List<String> hostileStrings() throws IOException {
        List<String> all = new ArrayList<>(naughtyStrings());
        for (String file : List.of("XSS_Injection-Intruders-RSNAKE_XSS.txt", "XSS_Injection-Intruders-JHADDIX_XSS.txt",
                "SQL_Injection-Intruder-Auth_Bypass.txt", "Server_Side_Template_Injection-Intruder-ssti.fuzz")) {
            try (InputStream in = HostileInputTest.class.getResourceAsStream("/payloads/" + file)) {
                Stream.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")).forEach(all::add);
            }
        }
        return all;
    }

    @Test
    void throughTheSignedWebhookEveryStringIsStoredVerbatimOrRefusedCleanly() throws IOException {
        List<String> strings = hostileStrings();
        java.util.Map<String, String> acceptedTexts = new java.util.HashMap<>();
        for (String text : strings) {
            String id = "hostile-" + Mentions.uniqueId();
            ObjectNode body = JSON.createObjectNode().put("id", id).put("text", text);
            body.putObject("author").put("id", "stranger").put("handle", text.length() > 100 ? "x" : text)
                    .put("name", text);
            byte[] raw = JSON.writeValueAsBytes(body);
            long now = Instant.now().getEpochSecond();
            Response response = given().contentType("application/json")
                    .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(now))
                    .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign("test-only-webhook-secret", now, raw))
                    .body(raw).when().post("/api/v1/channels/webhook/test-shop");

            assertThat(response.statusCode()).as("status for %s", JSON.writeValueAsString(text)).isIn(202, 400);
            if (response.statusCode() == 400) {
                assertThat(response.contentType()).startsWith("application/problem+json");
                continue;
            }
            acceptedTexts.put(id, text);
        }
        List<MentionReceived> stored = Db.outboxedByKeys(pool,
                acceptedTexts.keySet().stream().map(id -> "webhook:" + id).toList());
        assertThat(stored).hasSize(acceptedTexts.size());
        for (MentionReceived event : stored) {
            String text = acceptedTexts.get(event.externalId());
            assertThat(event.text()).as("stored text").isEqualTo(text);
            assertThat(event.author().displayName()).isEqualTo(text.isBlank() ? null : text.trim());
        }
        // Refusals are only for what the contract refuses, not for odd characters.
        assertThat(acceptedTexts.size()).isGreaterThan(strings.size() * 9 / 10);
    }

    @Test
    void throughTheAskUsFormEveryNaughtyStringIsAcceptedOrRefusedCleanly() throws IOException {
        // The webhook test above covers the injection lists too; the form shares its decoding and storage.
        int n = 0;
        for (String text : naughtyStrings()) {
            n++;
            ObjectNode body = JSON.createObjectNode().put("email", "stranger@example.com").put("name", "N" + n)
                    .put("message", text);
            Response response = given().header("X-Forwarded-For", "10.66." + (n / 250) + "." + (n % 250 + 1))
                    .contentType("application/json").body(JSON.writeValueAsBytes(body)).when().post("/api/v1/ask");

            assertThat(response.statusCode()).as("status for %s", JSON.writeValueAsString(text)).isIn(201, 400);
            if (response.statusCode() == 400) {
                assertThat(response.contentType()).startsWith("application/problem+json");
                assertThat(text.isBlank()).as("only an empty message is refused").isTrue();
            }
        }
    }
}
