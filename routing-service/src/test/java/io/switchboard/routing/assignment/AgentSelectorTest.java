package io.switchboard.routing.assignment;

import static io.switchboard.routing.assignment.Fixtures.agent;
import static io.switchboard.routing.assignment.Fixtures.escalated;
import static io.switchboard.routing.assignment.Fixtures.idleSince;
import static io.switchboard.routing.assignment.Fixtures.minutes;
import static io.switchboard.routing.assignment.Fixtures.overflowed;
import static io.switchboard.routing.assignment.Fixtures.queue;
import static io.switchboard.routing.assignment.Fixtures.sticky;
import static io.switchboard.routing.assignment.Fixtures.supervisor;
import static io.switchboard.routing.assignment.Fixtures.ticket;
import static io.switchboard.routing.assignment.Fixtures.withPresence;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.switchboard.events.agent.Presence;
import io.switchboard.events.routing.AssignmentDecided.Reason;
import io.switchboard.routing.agent.Agent;
import io.switchboard.routing.agent.Teams;
import io.switchboard.routing.queue.Queue;

class AgentSelectorTest {

    private final AgentSelector selector = new AgentSelector(new Eligibility(new Teams("supervisors")));
    private final Queue cc = queue("cc", "customer-care");

    @Test
    void theLeastLoadedAgentGetsTheTicket() {
        Agent busy = agent("a-busy", "customer-care", 5, 3);
        Agent light = agent("b-light", "customer-care", 5, 1);
        var choice = selector.choose(List.of(busy, light), ticket("cc", "en"), cc).orElseThrow();
        assertThat(choice.agent().id()).isEqualTo("b-light");
        assertThat(choice.reason()).isEqualTo(Reason.BEST_FIT);
        assertThat(choice.previousAgentId()).isNull();
    }

    @Test
    void onEqualLoadTheLongestIdleWins_neverAssignedCountsAsLongest() {
        Agent recent = idleSince(agent("a", "customer-care", 5, 1), minutes(10));
        Agent earlier = idleSince(agent("b", "customer-care", 5, 1), minutes(2));
        assertThat(selector.choose(List.of(recent, earlier), ticket("cc", "en"), cc).orElseThrow().agent().id()).isEqualTo("b");
        Agent never = agent("c", "customer-care", 5, 1);
        assertThat(selector.choose(List.of(recent, earlier, never), ticket("cc", "en"), cc).orElseThrow().agent().id())
                .isEqualTo("c");
    }

    @Test
    void aReturningCustomerGoesBackToTheirAgentWhenEligibleEvenIfBusier() {
        Agent previous = agent("previous", "customer-care", 5, 4);
        Agent idle = agent("idle", "customer-care", 5, 0);
        var choice = selector.choose(List.of(idle, previous), sticky(ticket("cc", "en"), "previous"), cc).orElseThrow();
        assertThat(choice.agent().id()).isEqualTo("previous");
        assertThat(choice.reason()).isEqualTo(Reason.STICKY);
        assertThat(choice.previousAgentId()).isEqualTo("previous");
    }

    @Test
    void stickinessGivesWayWhenThePreviousAgentIsNotEligible() {
        Agent previousAway = withPresence(agent("previous", "customer-care", 5, 0), Presence.AWAY);
        Agent previousFull = agent("previous", "customer-care", 2, 2);
        Agent other = agent("other", "customer-care", 5, 3);
        for (Agent previous : List.of(previousAway, previousFull)) {
            var choice = selector.choose(List.of(previous, other), sticky(ticket("cc", "en"), "previous"), cc).orElseThrow();
            assertThat(choice.agent().id()).isEqualTo("other");
            assertThat(choice.reason()).isEqualTo(Reason.BEST_FIT);
        }
    }

    @Test
    void nobodyEligibleMeansNoChoice() {
        Agent spanishOnly = agent("m", Set.of("customer-care"), Set.of(), Set.of("es"), 5, 0);
        Agent otherTeam = agent("t", "tech-support", 5, 0);
        assertThat(selector.choose(List.of(spanishOnly, otherTeam), ticket("cc", "en"), cc)).isEmpty();
    }

    @Test
    void escalatedAndOverflowedTicketsSaySo() {
        Queue escalations = queue("escalations", "supervisors");
        Agent sam = supervisor(agent("sam", "customer-care", 2, 0));
        var escalation = selector.choose(List.of(sam), escalated(ticket("escalations", "en"), "ava"), escalations).orElseThrow();
        assertThat(escalation.reason()).isEqualTo(Reason.ESCALATION);
        assertThat(escalation.previousAgentId()).isEqualTo("ava");

        var overflow = selector.choose(List.of(agent("x", "customer-care", 2, 0)), overflowed(ticket("cc", "en")), cc)
                .orElseThrow();
        assertThat(overflow.reason()).isEqualTo(Reason.OVERFLOW);
    }
}
