package io.switchboard.events.agent;

/** Whether an agent can take new tickets: only ONLINE agents are routed to. */
public enum Presence {
    ONLINE,
    AWAY,
    OFFLINE
}
