package io.switchboard.routing.ticket;

import static io.switchboard.routing.testing.Scenario.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.events.SwitchboardEvent;
import io.switchboard.events.routing.TicketQueued;
import io.switchboard.events.ticket.Priority;
import io.switchboard.routing.assignment.WaitingTicket;
import io.switchboard.routing.testing.Scenario;
import io.switchboard.routing.testing.ScenarioTest;

/** The queue order in SQL (paging, positions) is the queue order of {@code QueueOrder}, aging included. */
@QuarkusTest
class QueueOrderSqlTest extends ScenarioTest {

    @Test
    void theDatabaseOrdersAQueueExactlyAsTheAlgorithmDoes() {
        Scenario s = scenario(Duration.ofMinutes(2), Duration.ofSeconds(90));
        Random random = new Random();
        List<UUID> opened = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Priority priority = Priority.values()[random.nextInt(4)];
            Instant at = SwitchboardEvent.now().minusSeconds(random.nextInt(20 * 60));
            opened.add(s.open(s.opened(null, priority, "en", at, null, null, null)));
        }
        Instant now = Instant.now();
        List<WaitingTicket> fromSql = await(s.routing.transactions().read(c -> s.routing.tickets()
                .waitingPage(c, List.of(s.id("cc")), Set.of("en"), Set.of(), 100, now)));
        assertThat(fromSql).extracting(WaitingTicket::ticketId).containsExactlyInAnyOrderElementsOf(opened);

        List<WaitingTicket> byJava = new ArrayList<>(fromSql);
        byJava.sort(s.routing.queueOrder().at(now));
        assertThat(fromSql).extracting(WaitingTicket::ticketId).containsExactlyElementsOf(
                byJava.stream().map(WaitingTicket::ticketId).toList());

        List<WaitingTicket> firstPage = await(s.routing.transactions().read(c -> s.routing.tickets()
                .waitingPage(c, List.of(s.id("cc")), Set.of("en"), Set.of(), 15, now)));
        Set<UUID> seen = new HashSet<>();
        firstPage.forEach(t -> seen.add(t.ticketId()));
        List<WaitingTicket> secondPage = await(s.routing.transactions().read(c -> s.routing.tickets()
                .waitingPage(c, List.of(s.id("cc")), Set.of("en"), seen, 15, now)));
        assertThat(secondPage).extracting(WaitingTicket::ticketId)
                .containsExactlyElementsOf(byJava.subList(15, 30).stream().map(WaitingTicket::ticketId).toList());
    }

    @Test
    void positionsFollowTheOrderAndLanguagesFilterThePage() {
        Scenario s = scenario();
        UUID normal = s.open(s.opened(null, Priority.NORMAL, "en"));
        UUID urgent = s.open(s.opened(null, Priority.URGENT, "en"));
        UUID unknownLanguage = s.open(s.opened(null, Priority.LOW, null));
        UUID german = s.open(s.opened(null, Priority.LOW, "de"));
        assertThat(s.last(normal, TicketQueued.class).position()).isEqualTo(1);
        assertThat(s.last(urgent, TicketQueued.class).position()).isEqualTo(1);
        assertThat(s.last(unknownLanguage, TicketQueued.class).position()).isEqualTo(3);
        assertThat(s.last(german, TicketQueued.class).position()).isEqualTo(4);

        List<WaitingTicket> english = await(s.routing.transactions().read(c -> s.routing.tickets()
                .waitingPage(c, List.of(s.id("cc")), Set.of("en"), Set.of(), 10, Instant.now())));
        assertThat(english).extracting(WaitingTicket::ticketId).containsExactly(urgent, normal, unknownLanguage);

        await(s.routing.ticketRouting().route(io.switchboard.events.ticket.TicketPriorityChanged.of(german,
                Priority.LOW, Priority.URGENT, io.switchboard.events.Actor.system("test"), "sla warning")));
        List<WaitingTicket> all = await(s.routing.transactions().read(c -> s.routing.tickets()
                .waitingPage(c, List.of(s.id("cc")), Set.of("en", "de"), Set.of(), 10, Instant.now())));
        assertThat(all.get(1).ticketId()).as("a raised priority moves it up").isEqualTo(german);
    }
}
