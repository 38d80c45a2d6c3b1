package io.switchboard.routing.assignment;

import static io.switchboard.routing.assignment.Fixtures.agent;
import static io.switchboard.routing.assignment.Fixtures.queue;
import static io.switchboard.routing.assignment.Fixtures.withPresence;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.switchboard.events.agent.Presence;
import io.switchboard.events.routing.TicketQueued.Reason;
import io.switchboard.routing.agent.Teams;
import io.switchboard.routing.queue.Queue;

class WaitReasonsTest {

    private final WaitReasons reasons = new WaitReasons(new Eligibility(new Teams("supervisors")));
    private final Queue cc = queue("cc", "customer-care");

    @Test
    void nobodyOnline() {
        assertThat(reasons.why(List.of(withPresence(agent("a", "customer-care", 3, 0), Presence.AWAY)), cc, "en"))
                .isEqualTo(Reason.NO_AGENT_ONLINE);
        assertThat(reasons.why(List.of(), cc, "en")).isEqualTo(Reason.NO_AGENT_ONLINE);
    }

    @Test
    void everyoneWhoCouldIsBusy() {
        assertThat(reasons.why(List.of(agent("a", "customer-care", 2, 2)), cc, "en")).isEqualTo(Reason.ALL_AGENTS_AT_CAPACITY);
    }

    @Test
    void someoneIsOnlineButNobodyFits() {
        var spanish = agent("m", Set.of("customer-care"), Set.of(), Set.of("es"), 3, 0);
        assertThat(reasons.why(List.of(spanish), cc, "en")).isEqualTo(Reason.NO_MATCHING_SKILL);
    }
}
