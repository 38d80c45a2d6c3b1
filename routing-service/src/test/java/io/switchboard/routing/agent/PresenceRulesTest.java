package io.switchboard.routing.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.switchboard.events.agent.AgentPresenceChanged;
import io.switchboard.events.agent.AgentPresenceChanged.Cause;
import io.switchboard.events.agent.Presence;

class PresenceRulesTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private final Agent online = new Agent("a", "ava", "Ava", Set.of("customer-care"), Set.of(), Set.of("en"), false, 3, 1,
            Presence.ONLINE, T0, T0, null);

    private static AgentPresenceChanged event(Presence presence, Cause cause, Instant at, List<String> teams) {
        return new AgentPresenceChanged(UUID.randomUUID(), at, "a", "Ava L.", teams, presence, null, cause);
    }

    @Test
    void aNewerEventChangesPresenceTeamsAndName() {
        Agent after = PresenceRules.apply(online, event(Presence.AWAY, Cause.STATUS_CHANGE, T0.plusSeconds(60),
                List.of("tech-support")));
        assertThat(after.presence()).isEqualTo(Presence.AWAY);
        assertThat(after.presenceChangedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(after.lastHeartbeatAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(after.teams()).containsExactly("tech-support");
        assertThat(after.displayName()).isEqualTo("Ava L.");
        assertThat(after.load()).isEqualTo(1);
    }

    @Test
    void anEventWithoutTeamsKeepsTheKnownOnes() {
        assertThat(PresenceRules.apply(online, event(Presence.ONLINE, Cause.HEARTBEAT, T0.plusSeconds(30), List.of())).teams())
                .containsExactly("customer-care");
    }

    @Test
    void aLateEventOnlyRefreshesTheHeartbeat() {
        Agent offline = PresenceRules.timedOut(online, T0.plusSeconds(120));
        Agent late = PresenceRules.apply(offline, event(Presence.ONLINE, Cause.HEARTBEAT, T0.plusSeconds(100), List.of("x")));
        assertThat(late.presence()).isEqualTo(Presence.OFFLINE);
        assertThat(late.teams()).containsExactly("customer-care");
        assertThat(late.lastHeartbeatAt()).isEqualTo(T0.plusSeconds(100));
    }

    @Test
    void aHeartbeatAfterATimeoutBringsTheAgentBack() {
        Agent offline = PresenceRules.timedOut(online, T0.plusSeconds(120));
        Agent back = PresenceRules.apply(offline, event(Presence.ONLINE, Cause.HEARTBEAT, T0.plusSeconds(130), List.of()));
        assertThat(back.presence()).isEqualTo(Presence.ONLINE);
        assertThat(back.presenceChangedAt()).isEqualTo(T0.plusSeconds(130));
    }
}
