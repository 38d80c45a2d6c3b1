package io.switchboard.routing.assignment;

import static io.switchboard.routing.testing.Scenario.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.events.Actor;
import io.switchboard.events.SwitchboardEvent;
import io.switchboard.events.routing.AssignmentDecided;
import io.switchboard.events.routing.AssignmentReleased;
import io.switchboard.events.routing.TicketQueued;
import io.switchboard.events.ticket.Priority;
import io.switchboard.events.ticket.TicketMerged;
import io.switchboard.events.ticket.TicketOpened;
import io.switchboard.events.ticket.TicketStatus;
import io.switchboard.events.ticket.TicketStatusChanged;
import io.switchboard.routing.testing.Scenario;
import io.switchboard.routing.testing.ScenarioTest;
import io.switchboard.routing.ticket.RoutedTicket;

/** Opening, queueing, assigning and releasing on the real database, one engine per test. */
@QuarkusTest
class AssignmentFlowTest extends ScenarioTest {

    Scenario s;

    @BeforeEach
    void newScenario() {
        s = scenario();
    }

    private void resolve(UUID ticketId) {
        await(s.routing.ticketRouting().statusChanged(TicketStatusChanged.of(ticketId, TicketStatus.OPEN, TicketStatus.RESOLVED,
                Actor.agent("someone"))));
    }

    @Test
    void aTicketGoesAtOnceToTheLeastLoadedOnlineAgent() {
        String a = s.agent("a", "care", 3);
        String b = s.agent("b", "care", 3);
        s.online(a);
        s.online(b);

        UUID first = s.open();
        UUID second = s.open();

        assertThat(s.assignee(first)).isEqualTo(a);
        assertThat(s.assignee(second)).isEqualTo(b);
        AssignmentDecided decided = s.last(second, AssignmentDecided.class);
        assertThat(decided.reason()).isEqualTo(AssignmentDecided.Reason.BEST_FIT);
        assertThat(decided.queueId()).isEqualTo(s.id("cc"));
        assertThat(decided.team()).isEqualTo(s.id("care"));
        assertThat(s.decisions(second)).hasSize(1);
        assertThat(s.agentNow(a).load()).isEqualTo(1);
        assertThat(s.ticket(first).status()).isEqualTo(RoutedTicket.Status.ASSIGNED);
    }

    @Test
    void withNobodyOnlineTicketsWaitInOrderAndAreAssignedWhenAnAgentComesOnline() {
        String a = s.agent("a", "care", 1);
        UUID first = s.open();
        UUID second = s.open();

        TicketQueued queued = s.last(first, TicketQueued.class);
        assertThat(queued.reason()).isEqualTo(TicketQueued.Reason.NO_AGENT_ONLINE);
        assertThat(queued.position()).isEqualTo(1);
        assertThat(s.last(second, TicketQueued.class).position()).isEqualTo(2);

        s.online(a);
        assertThat(s.assignee(first)).isEqualTo(a);
        assertThat(s.assignee(second)).isNull();

        resolve(first);
        AssignmentReleased released = s.last(first, AssignmentReleased.class);
        assertThat(released.reason()).isEqualTo(AssignmentReleased.Reason.RESOLVED);
        assertThat(released.agentId()).isEqualTo(a);
        assertThat(s.ticket(first).status()).isEqualTo(RoutedTicket.Status.CLOSED);
        assertThat(s.assignee(second)).as("the freed capacity goes to the waiting ticket").isEqualTo(a);
        assertThat(s.agentNow(a).load()).isEqualTo(1);
    }

    @Test
    void aFullTeamQueuesWithTheReasonAndServesHighestPriorityThenOldest() {
        String a = s.agent("a", "care", 1);
        s.online(a);
        UUID busy = s.open();
        UUID oldNormal = s.open(s.opened(null, Priority.NORMAL, "en"));
        UUID low = s.open(s.opened(null, Priority.LOW, "en"));
        UUID urgent = s.open(s.opened(null, Priority.URGENT, "en"));
        UUID newNormal = s.open(s.opened(null, Priority.NORMAL, "en"));

        assertThat(s.last(oldNormal, TicketQueued.class).reason()).isEqualTo(TicketQueued.Reason.ALL_AGENTS_AT_CAPACITY);
        assertThat(s.last(urgent, TicketQueued.class).position()).as("urgent jumps the queue").isEqualTo(1);

        UUID holding = busy;
        for (UUID next : List.of(urgent, oldNormal, newNormal, low)) {
            resolve(holding);
            assertThat(s.assignee(next)).isEqualTo(a);
            holding = next;
        }
    }

    @Test
    void skillsAndLanguageDecideWhoCanTake() {
        s.queue("billing", "care", true, null, null, "billing");
        String english = s.agent("en", Set.of("care"), Set.of("billing"), Set.of("en"), 3);
        String portuguese = s.agent("pt", Set.of("care"), Set.of("billing"), Set.of("pt"), 3);
        String noSkill = s.agent("none", Set.of("care"), Set.of(), Set.of("en", "pt"), 3);
        for (String agent : List.of(english, portuguese, noSkill)) {
            s.online(agent);
        }
        UUID pt = s.open(s.opened("care", Priority.NORMAL, "pt-BR"));
        UUID en = s.open(s.opened("care", Priority.NORMAL, "en-GB"));
        UUID fr = s.open(s.opened("care", Priority.NORMAL, "fr"));

        assertThat(s.assignee(pt)).isEqualTo(portuguese);
        assertThat(s.assignee(en)).isEqualTo(english);
        assertThat(s.assignee(fr)).isNull();
        assertThat(s.last(fr, TicketQueued.class).reason()).isEqualTo(TicketQueued.Reason.NO_MATCHING_SKILL);
    }

    @Test
    void aReturningCustomerGoesBackToTheirAgent() {
        String busy = s.agent("busy", "care", 5);
        String idle = s.agent("idle", "care", 5);
        s.online(busy);
        s.online(idle);
        s.open();
        s.open(); // busy and idle have one each now
        s.open();
        TicketOpened returning = s.opened(null, Priority.NORMAL, "en", SwitchboardEvent.now(), idle, null, null);
        UUID ticket = s.open(returning);
        AssignmentDecided decided = s.last(ticket, AssignmentDecided.class);
        assertThat(decided.agentId()).isEqualTo(idle);
        assertThat(decided.reason()).isEqualTo(AssignmentDecided.Reason.STICKY);
        assertThat(decided.previousAgentId()).isEqualTo(idle);
    }

    @Test
    void aReopenedTicketWaitsAgainAndGoesBackToItsAgent() {
        String a = s.agent("a", "care", 2);
        String b = s.agent("b", "care", 2);
        s.online(a);
        UUID ticket = s.open();
        resolve(ticket);
        s.online(b);
        await(s.routing.ticketRouting().statusChanged(TicketStatusChanged.of(ticket, TicketStatus.RESOLVED,
                TicketStatus.REOPENED, Actor.system("test"))));
        AssignmentDecided decided = s.last(ticket, AssignmentDecided.class);
        assertThat(s.decisions(ticket)).filteredOn(AssignmentDecided.class::isInstance).hasSize(2);
        assertThat(decided.agentId()).isEqualTo(a);
        assertThat(decided.reason()).isEqualTo(AssignmentDecided.Reason.STICKY);
    }

    @Test
    void aMergedTicketFreesItsAgent() {
        String a = s.agent("a", "care", 1);
        s.online(a);
        UUID merged = s.open();
        UUID waiting = s.open();
        await(s.routing.ticketRouting().finish(TicketMerged.of(merged, UUID.randomUUID(), "SW-1", Actor.agent(a)), merged,
                AssignmentReleased.Reason.MERGED));
        assertThat(s.last(merged, AssignmentReleased.class).reason()).isEqualTo(AssignmentReleased.Reason.MERGED);
        assertThat(s.assignee(waiting)).isEqualTo(a);
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        String a = s.agent("a", "care", 2);
        s.online(a);
        TicketOpened opened = s.opened(null, Priority.NORMAL, "en");
        s.open(opened);
        s.open(opened);
        assertThat(s.decisions(opened.ticketId())).hasSize(1);
        assertThat(s.agentNow(a).load()).isEqualTo(1);

        TicketStatusChanged resolved = TicketStatusChanged.of(opened.ticketId(), TicketStatus.OPEN, TicketStatus.RESOLVED,
                Actor.agent(a));
        await(s.routing.ticketRouting().statusChanged(resolved));
        await(s.routing.ticketRouting().statusChanged(resolved));
        assertThat(s.decisions(opened.ticketId())).hasSize(2);
        assertThat(s.agentNow(a).load()).isZero();

        TicketOpened sameTicketNewEvent = new TicketOpened(UUID.randomUUID(), opened.occurredAt(), opened.ticketId(),
                opened.reference(), opened.channel(), null, opened.conversationId(), opened.visibility(), opened.mentionId(),
                opened.customer(), "en", opened.intent(), null, opened.priority(), List.of(), null, null, null);
        s.open(sameTicketNewEvent);
        assertThat(s.decisions(opened.ticketId())).as("a ticket routing knows is not opened twice").hasSize(2);
    }
}
