package io.switchboard.routing.agent;

import java.time.Instant;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

import io.switchboard.events.agent.Presence;

/**
 * An agent as routing sees them.
 *
 * @param id the OIDC subject, the agent id everywhere in Switchboard
 * @param username known once the agent has been matched to a seed or called the API; may be null
 * @param teams from the identity provider (OIDC groups)
 * @param languages primary language subtags, lower case ({@code en}, {@code es})
 * @param load the tickets the agent holds now
 * @param lastAssignedAt when the agent last got a ticket; null if never (idle the longest)
 */
public record Agent(
        String id,
        String username,
        String displayName,
        Set<String> teams,
        Set<String> skills,
        Set<String> languages,
        boolean supervisor,
        int capacity,
        int load,
        Presence presence,
        Instant presenceChangedAt,
        Instant lastHeartbeatAt,
        Instant lastAssignedAt) {

    public Agent {
        teams = sorted(teams);
        skills = sorted(skills);
        languages = sorted(languages);
    }

    /** Sorted, so the API and the logs list them in a stable order. */
    private static Set<String> sorted(Set<String> values) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(values));
    }

    public boolean online() {
        return presence == Presence.ONLINE;
    }

    public boolean hasFreeCapacity() {
        return load < capacity;
    }

    /** The same agent after taking one more ticket at {@code at}. */
    public Agent withOneMore(Instant at) {
        return new Agent(id, username, displayName, teams, skills, languages, supervisor, capacity, load + 1, presence,
                presenceChangedAt, lastHeartbeatAt, at);
    }
}
