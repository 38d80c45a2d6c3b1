package io.switchboard.routing.assignment;

import static io.switchboard.routing.assignment.Fixtures.agent;
import static io.switchboard.routing.assignment.Fixtures.queue;
import static io.switchboard.routing.assignment.Fixtures.supervisor;
import static io.switchboard.routing.assignment.Fixtures.withPresence;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

import io.switchboard.events.agent.Presence;
import io.switchboard.routing.agent.Agent;
import io.switchboard.routing.agent.Teams;
import io.switchboard.routing.queue.Queue;

class EligibilityTest {

    private final Eligibility eligibility = new Eligibility(new Teams("supervisors"));
    private final Queue billing = queue("billing", "customer-care", "billing");
    private final Agent ava = agent("ava", Set.of("customer-care"), Set.of("billing", "orders"), Set.of("en"), 3, 1);

    @Test
    void anOnlineTeamMemberWithTheSkillTheLanguageAndRoomCanTake() {
        assertThat(eligibility.canTake(ava, billing, "en")).isTrue();
    }

    @Test
    void anUnknownLanguageIsNoObstacle() {
        assertThat(eligibility.canTake(ava, billing, null)).isTrue();
    }

    @Test
    void awayOrOfflineAgentsCannotTake() {
        assertThat(eligibility.canTake(withPresence(ava, Presence.AWAY), billing, "en")).isFalse();
        assertThat(eligibility.canTake(withPresence(ava, Presence.OFFLINE), billing, "en")).isFalse();
    }

    @Test
    void anotherTeamsQueueIsNotTheirs() {
        assertThat(eligibility.canTake(ava, queue("tech", "tech-support"), "en")).isFalse();
    }

    @Test
    void everyRequiredSkillIsNeeded() {
        assertThat(eligibility.canTake(ava, queue("refunds", "customer-care", "billing", "refunds"), "en")).isFalse();
    }

    @Test
    void theTicketsLanguageIsNeeded() {
        assertThat(eligibility.canTake(ava, billing, "es")).isFalse();
    }

    @Test
    void aFullAgentCannotTakeButStillQualifies() {
        Agent full = agent("ava", Set.of("customer-care"), Set.of("billing"), Set.of("en"), 2, 2);
        assertThat(eligibility.canTake(full, billing, "en")).isFalse();
        assertThat(eligibility.qualifies(full, billing, "en")).isTrue();
    }

    @Test
    void supervisorsServeTheEscalationTeamsQueue() {
        Queue escalations = queue("escalations", "supervisors");
        assertThat(eligibility.canTake(ava, escalations, "en")).isFalse();
        assertThat(eligibility.canTake(supervisor(ava), escalations, "en")).isTrue();
    }
}
