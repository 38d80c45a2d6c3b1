package io.switchboard.events;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.events.ticket.TicketOpened;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whatever arrives, decoding ends in an event or in an EventDecodingException that names the
 * type and the problem: the consumer dead-letters the message and the partition moves on.
 */
class MalformedPayloadTest {

    private static final String OPENED = "switchboard.ticket.opened.v1";

    @Test
    void emptyBody() {
        assertRejected(OPENED, new byte[0]).hasMessage("Cannot decode " + OPENED + ": empty payload");
        assertRejected(OPENED, null).hasMessageContaining("empty payload");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"eventId\": ", "hello", "{'eventId': 1}", "   "})
    void invalidJson(String body) {
        assertRejected(OPENED, body.getBytes(UTF_8)).hasMessageStartingWith("Cannot decode " + OPENED + ": ");
    }

    @Test
    void invalidJsonSaysWhere() {
        assertRejected(OPENED, "{\"eventId\": }".getBytes(UTF_8)).hasMessageContaining("invalid JSON").hasMessageContaining("column");
    }

    @Test
    void notAnObject() {
        assertRejected(OPENED, "[]".getBytes(UTF_8)).hasMessageContaining(OPENED);
        assertRejected(OPENED, "\"SW-10423\"".getBytes(UTF_8)).hasMessageContaining(OPENED);
        assertRejected(OPENED, "null".getBytes(UTF_8)).hasMessageContaining("JSON null");
    }

    @Test
    void moreThanOneValue() {
        byte[] fixture = Fixtures.of(OPENED);
        byte[] twice = (new String(fixture, UTF_8) + new String(fixture, UTF_8)).getBytes(UTF_8);
        assertRejected(OPENED, twice).hasMessageContaining(OPENED);
    }

    @Test
    void duplicateField() {
        byte[] duplicated = new String(Fixtures.of(OPENED), UTF_8)
                .replaceFirst("\\{", "{\"ticketId\": \"" + EventSamples.OTHER_TICKET + "\",").getBytes(UTF_8);
        assertRejected(OPENED, duplicated).hasMessageContaining("Duplicate field 'ticketId'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"eventId", "occurredAt", "ticketId", "reference", "channel", "customer", "priority"})
    void missingRequiredField(String field) {
        ObjectNode tree = Fixtures.tree(OPENED);
        tree.remove(field);

        assertRejected(OPENED, Fixtures.toBytes(tree)).hasMessage("Cannot decode " + OPENED + ": " + field + " is required");
    }

    @Test
    void nullRequiredField() {
        ObjectNode tree = Fixtures.tree(OPENED);
        tree.putNull("ticketId");

        assertRejected(OPENED, Fixtures.toBytes(tree)).hasMessageContaining("ticketId is required");
    }

    @Test
    void missingRequiredNestedField() {
        ObjectNode tree = Fixtures.tree(OPENED);
        ((ObjectNode) tree.get("customer")).remove("customerId");

        assertRejected(OPENED, Fixtures.toBytes(tree)).hasMessageContaining("customer.customerId is required")
                .hasMessageContaining("at 'customer'");
    }

    @Test
    void blankRequiredText() {
        ObjectNode tree = Fixtures.tree(OPENED);
        tree.put("reference", " ");

        assertRejected(OPENED, Fixtures.toBytes(tree)).hasMessageContaining("reference must not be blank");
    }

    @Test
    void wrongTypes() {
        assertRejected(OPENED, with("eventId", "\"not-a-uuid\"")).hasMessageContaining("at 'eventId'");
        assertRejected(OPENED, with("occurredAt", "\"yesterday\"")).hasMessageContaining("at 'occurredAt'");
        assertRejected(OPENED, with("reference", "10423")).hasMessageContaining("at 'reference'");
        assertRejected(OPENED, with("reference", "true")).hasMessageContaining("at 'reference'");
        assertRejected(OPENED, with("tags", "\"delivery\"")).hasMessageContaining("at 'tags'");
        assertRejected(OPENED, with("customer", "\"jo_walker\"")).hasMessageContaining("at 'customer'");
        assertRejected(OPENED, with("priority", "2")).hasMessageContaining("at 'priority'");
        assertRejected(OPENED, with("customer", "{\"customerId\": \"" + EventSamples.CUSTOMER + "\", \"followerCount\": \"many\"}"))
                .hasMessageContaining("at 'customer.followerCount'");
    }

    @Test
    void wrongNumbers() {
        String mention = "switchboard.mention.received.v1";
        ObjectNode tree = Fixtures.tree(mention);
        ((ObjectNode) tree.get("triage")).put("priorityScore", 7.5);
        assertRejected(mention, Fixtures.toBytes(tree)).hasMessageContaining("at 'triage.priorityScore'");

        ((ObjectNode) tree.get("triage")).put("priorityScore", 250);
        assertRejected(mention, Fixtures.toBytes(tree)).hasMessageContaining("triage.priorityScore must be between 0 and 100");

        ((ObjectNode) tree.get("triage")).putNull("priorityScore");
        assertRejected(mention, Fixtures.toBytes(tree)).hasMessage("Cannot decode " + mention + ": triage.priorityScore is required");
    }

    @Test
    void missingPrimitiveIsMissingNotZero() {
        String failed = "switchboard.delivery.reply.failed.v1";
        ObjectNode tree = Fixtures.tree(failed);
        tree.remove("retryable");

        assertRejected(failed, Fixtures.toBytes(tree)).hasMessage("Cannot decode " + failed + ": retryable is required");
    }

    @Test
    void unknownEnumValue() {
        assertRejected(OPENED, with("channel", "\"FAX\"")).hasMessageContaining("FAX").hasMessageContaining("at 'channel'");
    }

    @Test
    void unknownOrMissingCeType() {
        byte[] fixture = Fixtures.of(OPENED);

        assertRejected("switchboard.ticket.exploded.v1", fixture)
                .hasMessageStartingWith("Unknown event type 'switchboard.ticket.exploded.v1'")
                .hasMessageContaining(OPENED);
        assertRejected("switchboard.ticket.opened.v2", fixture).hasMessageContaining("Unknown event type");
        assertRejected(null, fixture).hasMessageContaining("Unknown event type 'null'");
    }

    @Test
    void payloadOfAnotherType() {
        assertRejected(OPENED, Fixtures.of("switchboard.agent.presence.changed.v1")).hasMessageContaining("is required");
    }

    @Test
    void decodingIntoAClassWrapsFailuresToo() {
        assertThatThrownBy(() -> EventCodec.decode("{}".getBytes(UTF_8), TicketOpened.class))
                .isInstanceOf(EventDecodingException.class)
                .hasMessage("Cannot decode " + OPENED + ": eventId is required");
    }

    @Test
    void hugeValuesDoNotMakeHugeMessages() {
        String huge = "x".repeat(100_000);
        assertThatThrownBy(() -> EventCodec.decode(OPENED, with("channel", "\"" + huge + "\"")))
                .isInstanceOf(EventDecodingException.class)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(e.getMessage()).hasSizeLessThan(500));
    }

    private static byte[] with(String field, String rawJson) {
        ObjectNode tree = Fixtures.tree(OPENED);
        tree.set(field, Fixtures.parse(rawJson.getBytes(UTF_8)));
        return Fixtures.toBytes(tree);
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRejected(String ceType, byte[] json) {
        return assertThatThrownBy(() -> EventCodec.decode(ceType, json))
                .isInstanceOf(EventDecodingException.class)
                .satisfies(e -> {
                    if (EventTypes.byCeType(ceType).isPresent()) {
                        org.assertj.core.api.Assertions.assertThat(((EventDecodingException) e).eventType()).isEqualTo(ceType);
                    }
                });
    }
}
