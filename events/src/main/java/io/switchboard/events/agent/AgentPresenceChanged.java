package io.switchboard.events.agent;

import io.switchboard.events.EventType;
import io.switchboard.events.Require;
import io.switchboard.events.SwitchboardEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * agent-gateway saw an agent's presence (a HEARTBEAT repeats the current one, so routing can time
 * out agents whose browser vanished). It carries the teams from the agent's token so routing-service
 * knows an agent from their first sign-in on.
 *
 * @param agentId the agent's OIDC subject
 * @param teams the agent's teams (OIDC groups) at the time
 * @param previous the presence before, null on a first sign-in
 */
@EventType(value = "switchboard.agent.presence.changed", version = 1)
public record AgentPresenceChanged(
        UUID eventId,
        Instant occurredAt,
        String agentId,
        String displayName,
        List<String> teams,
        Presence presence,
        Presence previous,
        Cause cause) implements SwitchboardEvent {

    public enum Cause {
        SIGN_IN,
        STATUS_CHANGE,
        HEARTBEAT,
        SIGN_OUT,
        /** No heartbeat for too long; the agent is taken offline. */
        TIMEOUT
    }

    public AgentPresenceChanged {
        Require.present(eventId, "eventId");
        Require.present(occurredAt, "occurredAt");
        Require.text(agentId, "agentId");
        teams = Require.list(teams, "teams");
        Require.present(presence, "presence");
        Require.present(cause, "cause");
    }

    public static AgentPresenceChanged of(String agentId, String displayName, List<String> teams, Presence presence,
            Presence previous, Cause cause) {
        return new AgentPresenceChanged(SwitchboardEvent.newEventId(), SwitchboardEvent.now(), agentId, displayName, teams,
                presence, previous, cause);
    }

    @Override
    public String aggregateId() {
        return agentId;
    }
}
