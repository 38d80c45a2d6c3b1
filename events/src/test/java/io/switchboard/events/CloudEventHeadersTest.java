package io.switchboard.events;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.switchboard.events.mention.MentionReceived;
import io.switchboard.events.ticket.TicketOpened;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CloudEventHeadersTest {

    private static final String TICKET_SERVICE = CloudEventHeaders.sourceOf(Topics.TICKET_SERVICE);

    @Test
    void carriesEveryAttributeInBinaryMode() {
        TicketOpened opened = EventSamples.ticketOpened();

        Map<String, String> headers = CloudEventHeaders.of(opened, TICKET_SERVICE).toMap();

        assertThat(headers).containsExactly(
                entry("ce_specversion", "1.0"),
                entry("ce_id", opened.eventId().toString()),
                entry("ce_type", "switchboard.ticket.opened.v1"),
                entry("ce_source", "/switchboard/ticket-service"),
                entry("ce_time", "2026-03-02T09:15:00.310Z"),
                entry("ce_subject", opened.ticketId().toString()),
                entry("content-type", "application/json"));
        assertThat(OffsetDateTime.parse(headers.get("ce_time")).toInstant()).isEqualTo(opened.occurredAt());
    }

    @Test
    void subjectIsTheAggregateEvenWhenTheKeyIsNot() {
        MentionReceived mention = EventSamples.mentionReceived();

        Map<String, String> headers = CloudEventHeaders.of(mention, CloudEventHeaders.sourceOf(Topics.MENTION_SERVICE)).toMap();

        assertThat(headers).containsEntry("ce_subject", mention.mentionId().toString());
        assertThat(mention.partitionKey()).isEqualTo("x:" + EventSamples.CONVERSATION);
    }

    @Test
    void roundTripsThroughStringsAndBytes() {
        CloudEventHeaders sent = CloudEventHeaders.of(EventSamples.replyFailed(), CloudEventHeaders.sourceOf(Topics.MENTION_SERVICE));
        Map<String, byte[]> kafkaLike = new HashMap<>();
        sent.toMap().forEach((name, value) -> kafkaLike.put(name, value.getBytes(UTF_8)));

        assertThat(CloudEventHeaders.from(sent.toMap())).isEqualTo(sent);
        assertThat(CloudEventHeaders.fromBytes(kafkaLike::get)).isEqualTo(sent);
    }

    @Test
    void decodesTheMessageItDescribes() {
        SwitchboardEvent event = EventSamples.assignmentDecided();
        CloudEventHeaders headers = CloudEventHeaders.from(
                CloudEventHeaders.of(event, CloudEventHeaders.sourceOf(Topics.ROUTING_SERVICE)).toMap());

        assertThat(EventCodec.decode(headers, EventCodec.encode(event))).isEqualTo(event);
    }

    @Test
    void rejectsAPayloadThatIsNotTheAnnouncedEvent() {
        SwitchboardEvent event = EventSamples.assignmentDecided();
        CloudEventHeaders headers = new CloudEventHeaders(UUID.randomUUID(), event.ceType(), "/switchboard/routing-service",
                event.occurredAt(), event.aggregateId());

        assertThatThrownBy(() -> EventCodec.decode(headers, EventCodec.encode(event)))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("does not match the payload's eventId");
    }

    @Test
    void readsTimesWithAnOffsetAndWithoutOptionalAttributes() {
        Map<String, String> headers = required();
        headers.put("ce_time", "2026-03-02T10:15:00.5+01:00");

        CloudEventHeaders read = CloudEventHeaders.from(headers);

        assertThat(read.time()).isEqualTo(Instant.parse("2026-03-02T09:15:00.5Z"));
        assertThat(read.subject()).isNull();
        headers.remove("ce_time");
        assertThat(CloudEventHeaders.from(headers).time()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ce_specversion", "ce_id", "ce_type", "ce_source"})
    void rejectsAMissingRequiredAttribute(String name) {
        Map<String, String> headers = required();
        headers.remove(name);

        assertThatThrownBy(() -> CloudEventHeaders.from(headers))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageStartingWith("Invalid CloudEvents headers")
                .hasMessageContaining(name);
    }

    @Test
    void rejectsMalformedAttributes() {
        assertInvalid("ce_specversion", "0.3", "must be 1.0");
        assertInvalid("ce_id", "42", "must be a UUID");
        assertInvalid("ce_time", "last tuesday", "RFC 3339");
        assertInvalid("content-type", "text/plain", "must be application/json");
    }

    @Test
    void acceptsJsonWithACharset() {
        Map<String, String> headers = required();
        headers.put("content-type", "application/json; charset=utf-8");

        assertThat(CloudEventHeaders.from(headers).type()).isEqualTo("switchboard.ticket.opened.v1");
    }

    private static void assertInvalid(String name, String value, String problem) {
        Map<String, String> headers = required();
        headers.put(name, value);

        assertThatThrownBy(() -> CloudEventHeaders.from(headers))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining(problem)
                .hasMessageContaining("switchboard.ticket.opened.v1");
    }

    private static Map<String, String> required() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", "00000000-0000-4000-8000-000000000002");
        headers.put("ce_type", "switchboard.ticket.opened.v1");
        headers.put("ce_source", "/switchboard/ticket-service");
        return headers;
    }
}
