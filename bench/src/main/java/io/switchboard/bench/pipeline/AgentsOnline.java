package io.switchboard.bench.pipeline;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.switchboard.events.CloudEventHeaders;
import io.switchboard.events.EventCodec;
import io.switchboard.events.Topics;
import io.switchboard.events.agent.AgentPresenceChanged;
import io.switchboard.events.agent.Presence;
import io.switchboard.platform.RunningPlatform;

/**
 * Puts the demo agents online the way the agent-gateway does when they sign in: an
 * AgentPresenceChanged on agent-events, with the agent's real OIDC subject and teams.
 */
public final class AgentsOnline {

    static final List<String> AGENTS = List.of("ava", "mateo", "sam");

    private AgentsOnline() {
    }

    public static List<String> bringOnline(RunningPlatform platform) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            List<String> subjects = new java.util.ArrayList<>();
            for (String username : AGENTS) {
                JsonNode claims = claims(accessToken(platform, username));
                List<String> teams = new java.util.ArrayList<>();
                claims.path("groups").forEach(group -> teams.add(group.asText().replaceAll(".*/", "")));
                AgentPresenceChanged online = AgentPresenceChanged.of(claims.get("sub").asText(), username, teams,
                        Presence.ONLINE, Presence.OFFLINE, AgentPresenceChanged.Cause.SIGN_IN);
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.AGENT_EVENTS, online.partitionKey(),
                        EventCodec.encode(online));
                CloudEventHeaders.of(online, CloudEventHeaders.sourceOf("bench")).toMap()
                        .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
                producer.send(record).get();
                subjects.add(online.agentId());
            }
            return subjects;
        }
    }

    static String accessToken(RunningPlatform platform, String username) throws Exception {
        Map<String, String> form = Map.of("grant_type", "password", "client_id", "switchboard-cli",
                "username", username, "password", platform.secrets().demoUserPassword());
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(platform.tokenEndpoint()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("no token for " + username + ": HTTP " + response.statusCode());
        }
        return new ObjectMapper().readTree(response.body()).get("access_token").asText();
    }

    private static JsonNode claims(String jwt) throws Exception {
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }
}
