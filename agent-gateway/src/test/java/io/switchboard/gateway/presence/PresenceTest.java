package io.switchboard.gateway.presence;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.switchboard.events.CloudEventHeaders;
import io.switchboard.events.EventCodec;
import io.switchboard.events.Topics;
import io.switchboard.events.agent.AgentPresenceChanged;
import io.switchboard.events.agent.AgentPresenceChanged.Cause;
import io.switchboard.events.agent.Presence;
import io.switchboard.gateway.testing.DemoAgents;
import io.switchboard.gateway.testing.Kafka;
import io.switchboard.gateway.testing.LiveClient;

/** Presence on agent-events (real Kafka): sign-in, status change, heartbeats, sign-out. */
@QuarkusTest
class PresenceTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void anAgentsDayInPresenceEvents() {
        String mateo = DemoAgents.subject("mateo");
        String token = DemoAgents.token("mateo");
        URI gateway = URI.create("http://localhost:" + RestAssured.port);
        try (Kafka.Reader agentEvents = new Kafka.Reader(Topics.AGENT_EVENTS)) {
            // Start from signed out, whatever earlier tests left.
            given().auth().oauth2(token).when().post("/api/v1/session/sign-out").then().statusCode(204);
            given().auth().oauth2(token).when().get("/api/v1/presence").then().body("presence", equalTo("OFFLINE"));

            try (LiveClient live = LiveClient.connect(gateway, token)) {
                AgentPresenceChanged signIn = decode(agentEvents.await(presence(mateo, Cause.SIGN_IN), WAIT));
                assertThat(signIn.presence()).isEqualTo(Presence.ONLINE);
                assertThat(signIn.teams()).containsExactly("tech-support");
                assertThat(signIn.displayName()).isEqualTo("Mateo García");

                given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("presence", "AWAY"))
                        .when().put("/api/v1/presence")
                        .then().statusCode(200).body("presence", equalTo("AWAY"));
                AgentPresenceChanged away = decode(agentEvents.await(presence(mateo, Cause.STATUS_CHANGE), WAIT));
                assertThat(away.presence()).isEqualTo(Presence.AWAY);
                assertThat(away.previous()).isEqualTo(Presence.ONLINE);

                // While the browser is connected, heartbeats repeat the current presence.
                AgentPresenceChanged beat = decode(agentEvents.await(presence(mateo, Cause.HEARTBEAT), WAIT));
                assertThat(beat.presence()).isEqualTo(Presence.AWAY);
            }

            given().auth().oauth2(token).when().post("/api/v1/session/sign-out").then().statusCode(204);
            AgentPresenceChanged signOut = decode(agentEvents.await(presence(mateo, Cause.SIGN_OUT), WAIT));
            assertThat(signOut.presence()).isEqualTo(Presence.OFFLINE);
            assertThat(signOut.previous()).isEqualTo(Presence.AWAY);
        }
    }

    @Test
    void offlineIsNotASwitchPosition() {
        given().auth().oauth2(DemoAgents.token("ava")).contentType(ContentType.JSON).body(Map.of("presence", "OFFLINE"))
                .when().put("/api/v1/presence")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(DemoAgents.token("ada")).contentType(ContentType.JSON).body(Map.of("presence", "AWAY"))
                .when().put("/api/v1/presence")
                .then().statusCode(403);
    }

    private static Predicate<ConsumerRecord<String, byte[]>> presence(String agent, Cause cause) {
        return record -> agent.equals(record.key())
                && "switchboard.agent.presence.changed.v1".equals(Kafka.header(record, CloudEventHeaders.TYPE))
                && decode(record).cause() == cause;
    }

    private static AgentPresenceChanged decode(ConsumerRecord<String, byte[]> record) {
        return (AgentPresenceChanged) EventCodec.decode(Kafka.header(record, CloudEventHeaders.TYPE), record.value());
    }
}
