package io.switchboard.routing.assignment;

import static io.switchboard.routing.testing.Scenario.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.events.SwitchboardEvent;
import io.switchboard.events.mention.Sentiment;
import io.switchboard.events.routing.AssignmentDecided;
import io.switchboard.events.routing.AssignmentReleased;
import io.switchboard.events.routing.TicketQueued;
import io.switchboard.events.ticket.Priority;
import io.switchboard.events.ticket.SlaBreached;
import io.switchboard.events.ticket.SlaClock;
import io.switchboard.routing.testing.Scenario;
import io.switchboard.routing.testing.ScenarioTest;
import io.switchboard.routing.ticket.RoutedTicket;

/** Escalation to the supervisors' queue and overflow to another team, on the real database. */
@QuarkusTest
class EscalationOverflowTest extends ScenarioTest {

    private static SlaBreached breach(UUID ticketId, String agentId) {
        return SlaBreached.of(ticketId, SlaClock.FIRST_RESPONSE, Instant.now().minusSeconds(1), agentId);
    }

    @Test
    void anSlaBreachTakesTheTicketFromItsAgentToTheNextFreeSupervisor() {
        Scenario s = scenario();
        String agent = s.agent("agent", "care", 2);
        String supervisor = s.agent("supervisor", "other", 2);
        s.supervisor(supervisor);
        s.online(agent);
        UUID ticket = s.open();
        assertThat(s.assignee(ticket)).isEqualTo(agent);

        SlaBreached breach = breach(ticket, agent);
        await(s.routing.escalations().slaBreached(breach));
        assertThat(s.last(ticket, AssignmentReleased.class).reason()).isEqualTo(AssignmentReleased.Reason.ESCALATED);
        assertThat(s.assignee(ticket)).isNull();
        assertThat(s.ticket(ticket).queueId()).isEqualTo(s.id("esc"));
        assertThat(s.last(ticket, TicketQueued.class).reason()).isEqualTo(TicketQueued.Reason.REQUEUED);
        assertThat(s.agentNow(agent).load()).isZero();

        s.online(supervisor);
        AssignmentDecided decided = s.last(ticket, AssignmentDecided.class);
        assertThat(decided.agentId()).isEqualTo(supervisor);
        assertThat(decided.reason()).isEqualTo(AssignmentDecided.Reason.ESCALATION);
        assertThat(decided.previousAgentId()).isEqualTo(agent);
        assertThat(decided.team()).isEqualTo(s.id("sup"));

        int before = s.decisions(ticket).size();
        await(s.routing.escalations().slaBreached(breach(ticket, supervisor)));
        assertThat(s.decisions(ticket)).as("an escalated ticket is not escalated again").hasSize(before);
    }

    @Test
    void aTicketHeldByASupervisorStaysWithThem() {
        Scenario s = scenario();
        String sam = s.agent("sam", "care", 2);
        s.supervisor(sam);
        s.online(sam);
        UUID ticket = s.open();
        await(s.routing.escalations().slaBreached(breach(ticket, sam)));
        assertThat(s.assignee(ticket)).isEqualTo(sam);
        assertThat(s.ticket(ticket).escalated()).isTrue();
        assertThat(s.decisions(ticket)).hasSize(1);
    }

    @Test
    void aNegativeTicketFromAHighReachCustomerIsEscalatedOnArrival() {
        Scenario s = scenario();
        String agent = s.agent("agent", "care", 2);
        s.online(agent);
        String supervisor = s.agent("supervisor", "care", 2);
        s.supervisor(supervisor);
        s.online(supervisor);
        UUID ticket = s.open(s.opened(null, Priority.HIGH, "en", SwitchboardEvent.now(), null,
                new Sentiment(Sentiment.Label.NEGATIVE, -0.9), 120_000));
        AssignmentDecided decided = s.last(ticket, AssignmentDecided.class);
        assertThat(decided.queueId()).isEqualTo(s.id("esc"));
        assertThat(decided.agentId()).isEqualTo(supervisor);
        assertThat(decided.reason()).isEqualTo(AssignmentDecided.Reason.ESCALATION);
    }

    @Test
    void aTicketWaitingLongerThanItsQueueAllowsOverflowsToTheOverflowTeam() {
        Scenario s = scenario();
        s.queue("backup", "backup", true, null, null);
        s.queue("front", "front", true, "backup", Duration.ofMinutes(10));
        String backupAgent = s.agent("backup-agent", "backup", 2);
        s.online(backupAgent);
        UUID overdue = s.open(s.opened("front", Priority.NORMAL, "en", SwitchboardEvent.now().minusSeconds(11 * 60), null,
                null, null));
        UUID recent = s.open(s.opened("front", Priority.NORMAL, "en", SwitchboardEvent.now().minusSeconds(60), null, null,
                null));
        assertThat(s.assignee(overdue)).isNull();

        assertThat(await(s.routing.overflows().overflow(recent))).isFalse();
        assertThat(await(s.routing.overflows().overflow(overdue))).isTrue();

        AssignmentDecided decided = s.last(overdue, AssignmentDecided.class);
        assertThat(decided.agentId()).isEqualTo(backupAgent);
        assertThat(decided.reason()).isEqualTo(AssignmentDecided.Reason.OVERFLOW);
        assertThat(decided.queueId()).isEqualTo(s.id("backup"));
        assertThat(s.ticket(recent).status()).isEqualTo(RoutedTicket.Status.WAITING);
        assertThat(s.ticket(recent).queueId()).isEqualTo(s.id("front"));
        assertThat(await(s.routing.overflows().overflow(overdue))).as("once").isFalse();
    }

    @Test
    void theOverflowSweepFindsOverdueTickets() {
        Scenario s = scenario();
        s.queue("backup", "backup", true, null, null);
        s.queue("front", "front", true, "backup", Duration.ofMinutes(10));
        List<UUID> overdue = List.of(
                s.open(s.opened("front", Priority.LOW, "en", SwitchboardEvent.now().minusSeconds(3600), null, null, null)),
                s.open(s.opened("front", Priority.LOW, "en", SwitchboardEvent.now().minusSeconds(1200), null, null, null)));
        assertThat(await(s.routing.overflows().sweep())).isGreaterThanOrEqualTo(2);
        for (UUID ticket : overdue) {
            RoutedTicket moved = s.ticket(ticket);
            assertThat(moved.queueId()).isEqualTo(s.id("backup"));
            assertThat(moved.overflowed()).isTrue();
            assertThat(s.last(ticket, TicketQueued.class).queueId()).isEqualTo(s.id("backup"));
        }
    }
}
