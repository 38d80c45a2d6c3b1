package io.switchboard.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.events.mention.MentionReceived;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventRoundTripTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<SwitchboardEvent> samples() {
        return Stream.concat(EventSamples.all().stream(), Stream.of(EventSamples.agentReplyAdded()));
    }

    @Test
    void samplesCoverEveryRegisteredEventOnce() {
        assertThat(EventSamples.all()).extracting(SwitchboardEvent::getClass)
                .containsExactlyInAnyOrderElementsOf(EventTypes.all().stream().map(EventDescriptor::javaType).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void decodesByCeTypeToAnEqualEvent(SwitchboardEvent event) {
        byte[] json = EventCodec.encode(event);

        assertThat(EventCodec.decode(event.ceType(), json)).isEqualTo(event);
        assertThat(EventCodec.decode(json, event.getClass())).isEqualTo(event);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void payloadHoldsExactlyTheRecordComponents(SwitchboardEvent event) throws IOException {
        JsonNode json = JSON.readTree(EventCodec.encode(event));

        // Helper methods (aggregateId, partitionKey, ceType, ...) must not leak into the payload.
        List<String> fields = new ArrayList<>();
        json.fieldNames().forEachRemaining(fields::add);
        List<String> components = Arrays.stream(event.getClass().getRecordComponents()).map(RecordComponent::getName).toList();
        assertThat(components).containsAll(fields);
        assertThat(fields).contains("eventId", "occurredAt");
    }

    @Test
    void writesInstantsAsIsoStringsAndLeavesOutNulls() throws IOException {
        JsonNode json = JSON.readTree(EventCodec.encode(EventSamples.mentionReceived()));

        assertThat(json.get("occurredAt").asText()).isEqualTo("2026-03-02T09:15:00.120Z");
        assertThat(json.get("eventId").asText()).isEqualTo("00000000-0000-4000-8000-000000000001");
        assertThat(json.has("inReplyToExternalId")).isFalse();
        assertThat(json.get("links").isArray()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void isKeyedByItsAggregateExceptMentionsByConversation(SwitchboardEvent event) {
        assertThat(event.aggregateId()).isNotBlank();
        if (event instanceof MentionReceived mention) {
            assertThat(mention.partitionKey()).isEqualTo("x:" + EventSamples.CONVERSATION).isEqualTo(mention.conversationKey());
        } else {
            assertThat(event.partitionKey()).isEqualTo(event.aggregateId());
        }
    }
}
