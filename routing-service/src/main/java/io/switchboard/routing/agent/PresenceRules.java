package io.switchboard.routing.agent;

import java.time.Instant;
import java.util.Set;

import io.switchboard.events.agent.AgentPresenceChanged;
import io.switchboard.events.agent.Presence;

/**
 * How a presence event changes an agent. Events can arrive late (a heartbeat from before the agent
 * was timed out): one older than the last presence change only refreshes the heartbeat time.
 */
public final class PresenceRules {

    private PresenceRules() {
    }

    public static Agent apply(Agent agent, AgentPresenceChanged event) {
        Instant heartbeat = latest(agent.lastHeartbeatAt(), event.occurredAt());
        boolean stale = agent.presenceChangedAt() != null && event.occurredAt().isBefore(agent.presenceChangedAt());
        if (stale) {
            return with(agent, agent.teams(), agent.displayName(), agent.presence(), agent.presenceChangedAt(), heartbeat);
        }
        Set<String> teams = event.teams().isEmpty() ? agent.teams() : Set.copyOf(event.teams());
        String displayName = event.displayName() != null ? event.displayName() : agent.displayName();
        boolean changed = event.presence() != agent.presence();
        return with(agent, teams, displayName, event.presence(), changed ? event.occurredAt() : agent.presenceChangedAt(),
                heartbeat);
    }

    /** The agent taken offline at {@code at} for want of heartbeats. */
    public static Agent timedOut(Agent agent, Instant at) {
        return with(agent, agent.teams(), agent.displayName(), Presence.OFFLINE, at, agent.lastHeartbeatAt());
    }

    private static Agent with(Agent a, Set<String> teams, String displayName, Presence presence, Instant presenceChangedAt,
            Instant heartbeat) {
        return new Agent(a.id(), a.username(), displayName, teams, a.skills(), a.languages(), a.supervisor(), a.capacity(),
                a.load(), presence, presenceChangedAt, heartbeat, a.lastAssignedAt());
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b.isAfter(a) ? b : a;
    }
}
