package io.switchboard.routing.assignment;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import io.switchboard.events.agent.Presence;
import io.switchboard.events.ticket.Priority;
import io.switchboard.routing.agent.Agent;
import io.switchboard.routing.queue.Queue;

/** Agents, queues and waiting tickets for the algorithm's unit tests. */
final class Fixtures {

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private Fixtures() {
    }

    static Agent agent(String id, Set<String> teams, Set<String> skills, Set<String> languages, int capacity, int load) {
        return new Agent(id, null, id, teams, skills, languages, false, capacity, load, Presence.ONLINE, T0, T0, null);
    }

    static Agent agent(String id, String team, int capacity, int load) {
        return agent(id, Set.of(team), Set.of(), Set.of("en"), capacity, load);
    }

    static Agent idleSince(Agent a, Instant lastAssignedAt) {
        return new Agent(a.id(), a.username(), a.displayName(), a.teams(), a.skills(), a.languages(), a.supervisor(),
                a.capacity(), a.load(), a.presence(), a.presenceChangedAt(), a.lastHeartbeatAt(), lastAssignedAt);
    }

    static Agent withPresence(Agent a, Presence presence) {
        return new Agent(a.id(), a.username(), a.displayName(), a.teams(), a.skills(), a.languages(), a.supervisor(),
                a.capacity(), a.load(), presence, a.presenceChangedAt(), a.lastHeartbeatAt(), a.lastAssignedAt());
    }

    static Agent supervisor(Agent a) {
        return new Agent(a.id(), a.username(), a.displayName(), a.teams(), a.skills(), a.languages(), true,
                a.capacity(), a.load(), a.presence(), a.presenceChangedAt(), a.lastHeartbeatAt(), a.lastAssignedAt());
    }

    static Queue queue(String id, String team, String... skills) {
        return new Queue(id, id, team, Set.of(skills), false, null, null);
    }

    static WaitingTicket ticket(String queueId, Priority priority, Instant queuedAt) {
        return new WaitingTicket(UUID.randomUUID(), queueId, "en", priority, queuedAt, null, null, false, false, queuedAt, false);
    }

    static WaitingTicket ticket(String queueId, String language) {
        return new WaitingTicket(UUID.randomUUID(), queueId, language, Priority.NORMAL, T0, null, null, false, false, T0, false);
    }

    static WaitingTicket sticky(WaitingTicket t, String customerAgentId) {
        return new WaitingTicket(t.ticketId(), t.queueId(), t.language(), t.priority(), t.queuedAt(), t.lastAgentId(),
                customerAgentId, t.escalated(), t.overflowed(), t.openedAt(), t.everAssigned());
    }

    static WaitingTicket escalated(WaitingTicket t, String lastAgentId) {
        return new WaitingTicket(t.ticketId(), t.queueId(), t.language(), t.priority(), t.queuedAt(), lastAgentId,
                t.customerAgentId(), true, t.overflowed(), t.openedAt(), true);
    }

    static WaitingTicket overflowed(WaitingTicket t) {
        return new WaitingTicket(t.ticketId(), t.queueId(), t.language(), t.priority(), t.queuedAt(), t.lastAgentId(),
                t.customerAgentId(), t.escalated(), true, t.openedAt(), t.everAssigned());
    }

    static Instant minutes(long m) {
        return T0.plus(Duration.ofMinutes(m));
    }
}
