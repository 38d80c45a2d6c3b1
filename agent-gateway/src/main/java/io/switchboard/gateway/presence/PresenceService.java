package io.switchboard.gateway.presence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.agent.AgentPresenceChanged;
import io.switchboard.events.agent.AgentPresenceChanged.Cause;
import io.switchboard.events.agent.Presence;
import io.switchboard.gateway.infra.security.SignedInUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

/**
 * Agents' presence: sign-in (their first live connection), status changes (the presence switch),
 * heartbeats while a browser is connected, sign-out. Each is published to agent-events first and
 * then stored, so what is stored was published. There is no outbox: presence is soft state that the
 * next heartbeat (every {@code switchboard.presence.heartbeat-every}) repeats, and routing-service
 * times an agent out when heartbeats stop.
 */
@ApplicationScoped
public class PresenceService {

    @Inject
    PresencePublisher publisher;

    @Inject
    AgentPresenceRepository repository;

    @Inject
    Clock clock;

    /** A connection after this long without a heartbeat is a new sign-in. */
    @ConfigProperty(name = "switchboard.presence.stale-after", defaultValue = "PT90S")
    Duration staleAfter;

    /** A browser of the agent connected: a sign-in unless they were already signed in and seen lately. */
    public Uni<Presence> connected(SignedInUser agent) {
        return Panache.withTransaction(() -> repository.findById(agent.subject(), LockModeType.PESSIMISTIC_WRITE).flatMap(row -> {
            Instant now = clock.instant();
            boolean signedIn = row != null && row.presence != Presence.OFFLINE
                    && row.lastSeenAt.isAfter(now.minus(staleAfter));
            if (signedIn) {
                row.lastSeenAt = now;
                return Uni.createFrom().item(row.presence);
            }
            Presence previous = row == null ? null : row.presence;
            return publishAndStore(agent, row, Presence.ONLINE, previous, Cause.SIGN_IN);
        }));
    }

    /** The presence switch (online/away). */
    public Uni<Presence> change(SignedInUser agent, Presence presence) {
        return Panache.withTransaction(() -> repository.findById(agent.subject(), LockModeType.PESSIMISTIC_WRITE)
                .flatMap(row -> publishAndStore(agent, row, presence, row == null ? null : row.presence,
                        row == null || row.presence == Presence.OFFLINE ? Cause.SIGN_IN : Cause.STATUS_CHANGE)));
    }

    public Uni<Void> signOut(SignedInUser agent) {
        return Panache.withTransaction(() -> repository.findById(agent.subject(), LockModeType.PESSIMISTIC_WRITE).flatMap(row -> {
            if (row != null && row.presence == Presence.OFFLINE) {
                return Uni.createFrom().voidItem();
            }
            return publishAndStore(agent, row, Presence.OFFLINE, row == null ? null : row.presence, Cause.SIGN_OUT)
                    .replaceWithVoid();
        }));
    }

    /**
     * Repeats the presence of agents with a live connection here, so routing keeps them in. Every
     * write path locks the agent's row, so a heartbeat never repeats a presence that a concurrent
     * change has just replaced (routing would otherwise see the agent flip back).
     */
    public Uni<Void> heartbeat(List<SignedInUser> agents) {
        if (agents.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // One agent after the other: a reactive session runs one statement at a time.
        return Panache.withTransaction(() -> Multi.createFrom().iterable(agents)
                .onItem().transformToUniAndConcatenate(this::beat)
                .collect().last().replaceWithVoid());
    }

    private Uni<Void> beat(SignedInUser agent) {
        return repository.findById(agent.subject(), LockModeType.PESSIMISTIC_WRITE).flatMap(row -> {
            if (row == null || row.presence == Presence.OFFLINE) {
                return Uni.createFrom().voidItem();
            }
            Instant now = clock.instant();
            return publisher.publish(AgentPresenceChanged.of(agent.subject(), agent.displayName(),
                    List.copyOf(agent.teams()), row.presence, row.presence, Cause.HEARTBEAT))
                    .invoke(() -> row.lastSeenAt = now);
        });
    }

    public Uni<Presence> current(SignedInUser agent) {
        return Panache.withSession(() -> repository.findById(agent.subject())
                .map(row -> row == null ? Presence.OFFLINE : row.presence));
    }

    private Uni<Presence> publishAndStore(SignedInUser agent, AgentPresence existing, Presence presence, Presence previous,
            Cause cause) {
        AgentPresenceChanged event = AgentPresenceChanged.of(agent.subject(), agent.displayName(),
                List.copyOf(agent.teams()), presence, previous, cause);
        return publisher.publish(event).flatMap(published -> {
            AgentPresence row = existing != null ? existing : new AgentPresence();
            Instant now = clock.instant();
            row.agentId = agent.subject();
            row.displayName = agent.displayName();
            row.teams = String.join(",", agent.teams());
            row.presence = presence;
            row.updatedAt = now;
            row.lastSeenAt = now;
            return existing != null ? Uni.createFrom().item(presence) : repository.persist(row).replaceWith(presence);
        });
    }
}
