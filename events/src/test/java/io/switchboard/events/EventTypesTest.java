package io.switchboard.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.events.ticket.TicketOpened;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class EventTypesTest {

    @Test
    void namesTypesAsCloudEventsTypesWithVersion() {
        assertThat(EventTypes.of(TicketOpened.class).ceType()).isEqualTo("switchboard.ticket.opened.v1");
        assertThat(EventSamples.ticketOpened().ceType()).isEqualTo("switchboard.ticket.opened.v1");
        assertThat(EventTypes.byCeType("switchboard.ticket.opened.v1")).get()
                .extracting(EventDescriptor::javaType).isEqualTo(TicketOpened.class);
        assertThat(EventTypes.byCeType("switchboard.ticket.opened.v9")).isEmpty();
        assertThat(EventTypes.byCeType(null)).isEmpty();
    }

    @Test
    void everyEventGoesToAKnownTopicAndEveryTopicCarriesEvents() {
        assertThat(EventTypes.all()).extracting(EventDescriptor::topic).allMatch(Topics.ALL::contains);
        assertThat(Topics.ALL).allSatisfy(topic -> assertThat(EventTypes.onTopic(topic)).isNotEmpty());
        assertThat(EventTypes.onTopic(Topics.MENTIONS)).extracting(EventDescriptor::ceType)
                .containsExactly("switchboard.mention.received.v1");
    }

    @Test
    void rejectsAnUnregisteredClass() {
        assertThatThrownBy(() -> EventTypes.of(String.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a registered event");
    }

    /** A record that implements SwitchboardEvent but is not listed could be sent by nobody. */
    @Test
    void everyEventRecordInTheModuleIsRegistered() throws IOException, URISyntaxException {
        Path root = Path.of(SwitchboardEvent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> events;
        try (Stream<Path> files = Files.walk(root)) {
            events = files.map(root::relativize).map(Path::toString)
                    .filter(name -> name.endsWith(".class"))
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.').replace('\\', '.'))
                    .map(EventTypesTest::load)
                    .filter(type -> type.isRecord() && SwitchboardEvent.class.isAssignableFrom(type))
                    .toList();
        }

        assertThat(events).hasSize(EventTypes.all().size());
        assertThat(events).allSatisfy(type -> assertThat(EventTypes.of(type)).isNotNull());
    }

    @Test
    void eachEventTypeAndVersionIsRegisteredOnce() {
        assertThat(EventTypes.all()).extracting(EventDescriptor::ceType).doesNotHaveDuplicates()
                .allMatch(type -> type.matches("switchboard(\\.[a-z][a-z0-9]*)+\\.v[1-9][0-9]*"));
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, EventTypesTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
