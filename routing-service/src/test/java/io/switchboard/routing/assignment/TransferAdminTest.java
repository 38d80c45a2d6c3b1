package io.switchboard.routing.assignment;

import static io.switchboard.routing.testing.Scenario.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.events.agent.AgentPresenceChanged.Cause;
import io.switchboard.events.agent.Presence;
import io.switchboard.events.routing.AssignmentDecided;
import io.switchboard.events.routing.AssignmentReleased;
import io.switchboard.events.routing.TicketQueued;
import io.switchboard.routing.agent.AgentAdmin;
import io.switchboard.routing.infra.RoutingRejection;
import io.switchboard.routing.testing.Scenario;
import io.switchboard.routing.testing.ScenarioTest;
import io.switchboard.routing.ticket.RoutedTicket;

/** Supervisors' transfers and admins' changes to agents, on the real database. */
@QuarkusTest
class TransferAdminTest extends ScenarioTest {

    @Test
    void aSupervisorHandsAnAssignedTicketToAnotherAgent() {
        Scenario s = scenario();
        String from = s.agent("from", "care", 2);
        String to = s.agent("to", "other", 2);
        s.online(from);
        UUID ticket = s.open();
        s.presence(to, List.of(), Presence.AWAY, Cause.STATUS_CHANGE);

        await(s.routing.transfers().toAgent(ticket, to, null));

        List<?> decisions = s.decisions(ticket);
        assertThat(decisions).hasSize(3);
        assertThat(s.last(ticket, AssignmentReleased.class).reason()).isEqualTo(AssignmentReleased.Reason.TRANSFERRED);
        AssignmentDecided decided = s.last(ticket, AssignmentDecided.class);
        assertThat(decided.agentId()).isEqualTo(to);
        assertThat(decided.reason()).isEqualTo(AssignmentDecided.Reason.TRANSFER);
        assertThat(decided.previousAgentId()).isEqualTo(from);
        assertThat(s.agentNow(from).load()).isZero();
        assertThat(s.agentNow(to).load()).isEqualTo(1);
    }

    @Test
    void aWaitingTicketHandedOverIsAManualAssignment() {
        Scenario s = scenario();
        String to = s.agent("to", "care", 1);
        s.presence(to, List.of(), Presence.AWAY, Cause.STATUS_CHANGE);
        UUID ticket = s.open();
        await(s.routing.transfers().toAgent(ticket, to, Set.of(s.id("care"))));
        assertThat(s.last(ticket, AssignmentDecided.class).reason()).isEqualTo(AssignmentDecided.Reason.MANUAL);
    }

    @Test
    void transfersRespectCapacityPresenceAndTheSupervisorsTeams() {
        Scenario s = scenario();
        String full = s.agent("full", "care", 1);
        String offline = s.agent("offline", "care", 3);
        s.online(full);
        UUID held = s.open();
        UUID waiting = s.open();

        assertThatThrownBy(() -> await(s.routing.transfers().toAgent(waiting, full, null)))
                .isInstanceOf(RoutingRejection.class).hasMessageContaining("capacity");
        assertThatThrownBy(() -> await(s.routing.transfers().toAgent(waiting, offline, null)))
                .isInstanceOf(RoutingRejection.class).hasMessageContaining("offline");
        assertThatThrownBy(() -> await(s.routing.transfers().toAgent(held, full, null)))
                .isInstanceOf(RoutingRejection.class).hasMessageContaining("already");
        assertThatThrownBy(() -> await(s.routing.transfers().toAgent(waiting, full, Set.of("somebody-elses-team"))))
                .isInstanceOf(RoutingRejection.class).extracting(e -> ((RoutingRejection) e).kind())
                .isEqualTo(RoutingRejection.Kind.NOT_FOUND);
        assertThatThrownBy(() -> await(s.routing.transfers().toAgent(UUID.randomUUID(), full, null)))
                .isInstanceOf(RoutingRejection.class);
        assertThat(s.agentNow(full).load()).isEqualTo(1);
        assertThat(s.ticket(waiting).status()).isEqualTo(RoutedTicket.Status.WAITING);
    }

    @Test
    void aTicketMovedToAnotherQueueWaitsThereAndDoesNotStickToItsFormerAgent() {
        Scenario s = scenario();
        s.queue("other-q", "care", false, null, null, "special");
        s.queue("parked", "care", false, null, null, "a-skill-nobody-has");
        String a = s.agent("a", Set.of("care"), Set.of("special"), Set.of("en"), 2);
        s.online(a);
        UUID ticket = s.open();
        assertThat(s.assignee(ticket)).isEqualTo(a);

        await(s.routing.transfers().toQueue(ticket, s.id("parked"), null));
        assertThat(s.last(ticket, AssignmentReleased.class).reason()).isEqualTo(AssignmentReleased.Reason.UNASSIGNED);
        TicketQueued queued = s.last(ticket, TicketQueued.class);
        assertThat(queued.queueId()).isEqualTo(s.id("parked"));
        assertThat(queued.reason()).isEqualTo(TicketQueued.Reason.REQUEUED);
        assertThat(s.ticket(ticket).lastAgentId()).isNull();
        assertThatThrownBy(() -> await(s.routing.transfers().toQueue(ticket, s.id("parked"), null)))
                .isInstanceOf(RoutingRejection.class).hasMessageContaining("already waits");

        await(s.routing.transfers().toQueue(ticket, s.id("other-q"), null));
        AssignmentDecided decided = s.last(ticket, AssignmentDecided.class);
        assertThat(decided.queueId()).isEqualTo(s.id("other-q"));
        assertThat(decided.reason()).isEqualTo(AssignmentDecided.Reason.BEST_FIT);
        assertThatThrownBy(() -> await(s.routing.transfers().toQueue(ticket, "no-such-queue", null)))
                .isInstanceOf(RoutingRejection.class).hasMessageContaining("no queue");
    }

    @Test
    void capacityCannotGoBelowWhatTheAgentHoldsAndRaisingItAssignsAtOnce() {
        Scenario s = scenario();
        String a = s.agent("a", "care", 2);
        s.online(a);
        s.open();
        s.open();
        UUID waiting = s.open();

        assertThatThrownBy(() -> await(s.routing.agentAdmin().change(a, new AgentAdmin.ProfileChange(null, null, 1, null), "t")))
                .isInstanceOf(RoutingRejection.class).hasMessageContaining("holds 2");
        assertThat(s.agentNow(a).capacity()).isEqualTo(2);

        var after = await(s.routing.agentAdmin().change(a, new AgentAdmin.ProfileChange(null, null, 3, null), "t"));
        assertThat(after.capacity()).isEqualTo(3);
        assertThat(after.load()).isEqualTo(3);
        assertThat(s.assignee(waiting)).isEqualTo(a);
    }

    @Test
    void aNewSkillOrLanguageLetsTheAgentTakeWhatWaits() {
        Scenario s = scenario();
        s.queue("skilled", "care", true, null, null, "refunds");
        String a = s.agent("a", "care", 3);
        s.online(a);
        UUID refund = s.open(s.opened("care", io.switchboard.events.ticket.Priority.NORMAL, "de"));
        assertThat(s.assignee(refund)).isNull();
        await(s.routing.agentAdmin().change(a, new AgentAdmin.ProfileChange(Set.of("refunds"), Set.of("en", "de-AT"), null,
                null), "t"));
        assertThat(s.assignee(refund)).isEqualTo(a);
        assertThat(s.agentNow(a).languages()).containsExactlyInAnyOrder("en", "de");
    }
}
