package io.switchboard.routing.infra;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.events.Topics;
import jakarta.inject.Inject;

/** The channel configuration names the topics of the events module, dead-letter topics included. */
@QuarkusTest
class MessagingConfigTest {

    @Inject
    Config config;

    private String value(String key) {
        return config.getValue(key, String.class);
    }

    @Test
    void eachConsumedTopicHasItsOwnDeadLetterTopicAndRawByteValues() {
        for (String topic : new String[] { Topics.TICKET_EVENTS, Topics.AGENT_EVENTS }) {
            String channel = "mp.messaging.incoming." + topic + ".";
            assertThat(value(channel + "topic")).isEqualTo(topic);
            assertThat(value(channel + "failure-strategy")).isEqualTo("dead-letter-queue");
            assertThat(value(channel + "dead-letter-queue.topic")).isEqualTo(Topics.deadLetterTopic(topic, Topics.ROUTING_SERVICE));
            assertThat(value(channel + "value.deserializer")).endsWith("ByteArrayDeserializer");
            assertThat(value(channel + "commit-strategy")).isEqualTo("throttled");
        }
    }

    @Test
    void decisionsGoToRoutingDecisionsWithAcksFromAllAndIdempotence() {
        String channel = "mp.messaging.outgoing." + Topics.ROUTING_DECISIONS + ".";
        assertThat(value(channel + "topic")).isEqualTo(Topics.ROUTING_DECISIONS);
        assertThat(value(channel + "acks")).isEqualTo("all");
        assertThat(value(channel + "enable.idempotence")).isEqualTo("true");
    }
}
