package io.switchboard.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.switchboard.events.mention.MentionReceived;
import io.switchboard.events.ticket.TicketOpened;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fixtures are payloads producers have published: the current records must still read them.
 * They are written once, when a type version is added, and never edited afterwards; a change
 * that breaks one needs a new version instead (see README).
 */
class FixtureCompatibilityTest {

    static Stream<EventDescriptor> registeredTypes() {
        return EventTypes.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registeredTypes")
    void everyRegisteredTypeHasAFixture(EventDescriptor type) throws Exception {
        if (!Fixtures.exists(type.ceType())) {
            fail("No fixture for %s. Add src/test/resources/%s; this is its sample, as a start:%n%s",
                    type.ceType(), Fixtures.pathOf(type.ceType()), sampleJson(type));
        }
    }

    @Test
    void everyFixtureBelongsToARegisteredType() {
        // Removing or renaming a type breaks whoever still publishes or stores it.
        assertThat(Fixtures.storedTypes()).allSatisfy(name -> assertThat(EventTypes.byCeType(name))
                .as("fixture %s has no registered event type", name).isPresent());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registeredTypes")
    void fixtureStillDecodes(EventDescriptor type) {
        SwitchboardEvent event = EventCodec.decode(type.ceType(), Fixtures.of(type.ceType()));

        assertThat(event).isInstanceOf(type.javaType());
        assertThat(event.ceType()).isEqualTo(type.ceType());
    }

    /**
     * Unknown fields are ignored on purpose, so a renamed or removed field would vanish silently;
     * this catches it: whatever the fixture says must survive a decode and encode.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("registeredTypes")
    void decodingKeepsEveryFieldOfTheFixture(EventDescriptor type) {
        JsonNode fixture = Fixtures.parse(Fixtures.of(type.ceType()));
        JsonNode reencoded = Fixtures.parse(EventCodec.encode(EventCodec.decode(type.ceType(), Fixtures.of(type.ceType()))));

        assertContains(fixture, reencoded, "$");
    }

    @Test
    void toleratesFieldsItDoesNotKnow() {
        byte[] withExtras = Fixtures.bytes("compat/switchboard.ticket.opened.v1-with-unknown-fields.json");

        assertThat(EventCodec.decode("switchboard.ticket.opened.v1", withExtras))
                .isEqualTo(EventCodec.decode("switchboard.ticket.opened.v1", Fixtures.of("switchboard.ticket.opened.v1")));
    }

    @Test
    void readsAPayloadWithOnlyTheRequiredFields() {
        byte[] minimal = Fixtures.bytes("compat/switchboard.mention.received.v1-required-only.json");

        MentionReceived mention = (MentionReceived) EventCodec.decode("switchboard.mention.received.v1", minimal);

        assertThat(mention.inReplyToExternalId()).isNull();
        assertThat(mention.contact()).isNull();
        assertThat(mention.author().followerCount()).isNull();
        assertThat(mention.links()).isEmpty();
        assertThat(mention.media()).isEmpty();
        assertThat(mention.triage().pii()).isEmpty();
    }

    @Test
    void readsATicketOpenedWithoutOptionalRoutingHints() {
        var tree = Fixtures.tree("switchboard.ticket.opened.v1");
        tree.remove(java.util.List.of("teamHint", "previousAgentId", "firstResponseDueAt", "sentiment", "language", "tags"));

        TicketOpened opened = EventCodec.decode(Fixtures.toBytes(tree), TicketOpened.class);

        assertThat(opened.previousAgentId()).isNull();
        assertThat(opened.tags()).isEmpty();
    }

    private static void assertContains(JsonNode expected, JsonNode actual, String path) {
        assertThat(actual).as("%s is missing after decoding", path).isNotNull();
        if (expected.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = expected.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                assertContains(field.getValue(), actual.get(field.getKey()), path + "." + field.getKey());
            }
        } else if (expected.isArray()) {
            assertThat(actual.size()).as("%s size", path).isEqualTo(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                assertContains(expected.get(i), actual.get(i), path + "[" + i + "]");
            }
        } else {
            assertThat(actual).as(path).isEqualTo(expected);
        }
    }

    private static String sampleJson(EventDescriptor type) throws Exception {
        SwitchboardEvent sample = EventSamples.all().stream().filter(type.javaType()::isInstance).findFirst()
                .orElseThrow(() -> new AssertionError("Add a sample of " + type.ceType() + " to EventSamples too"));
        return EventCodec.newObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(sample);
    }
}
