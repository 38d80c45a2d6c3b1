package io.switchboard.routing.agent;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.switchboard.events.agent.Presence;

/**
 * What routing knows of an agent before they first appear: the realm's demo agents from
 * configuration, by username. Keycloak makes up the subjects, so a seed is recognised by the name
 * the gateway reports (the token's name, e.g. "Ava Lindqvist", or the username); anyone else starts
 * with the defaults and their teams from the identity provider.
 */
public final class AgentSeeds {

    /** @param capacity null for the default */
    public record Seed(String username, String displayName, List<String> teams, List<String> skills, List<String> languages,
            Integer capacity, boolean supervisor) {
    }

    private final List<Seed> seeds;
    private final int defaultCapacity;
    private final Set<String> defaultLanguages;

    public AgentSeeds(List<Seed> seeds, int defaultCapacity, Set<String> defaultLanguages) {
        this.seeds = List.copyOf(seeds);
        this.defaultCapacity = defaultCapacity;
        this.defaultLanguages = Languages.primaries(defaultLanguages);
    }

    public Optional<Seed> match(String displayName) {
        if (displayName == null || displayName.isBlank()) {
            return Optional.empty();
        }
        String name = displayName.strip().toLowerCase(Locale.ROOT);
        return seeds.stream()
                .filter(s -> s.username().toLowerCase(Locale.ROOT).equals(name)
                        || (s.displayName() != null && s.displayName().toLowerCase(Locale.ROOT).equals(name)))
                .findFirst();
    }

    /** A new agent first seen at {@code at}, from their seed if one matches, else from the defaults. */
    public Agent newAgent(String id, String displayName, List<String> teams, Presence presence, Instant at) {
        Optional<Seed> seed = match(displayName);
        List<String> seededTeams = seed.map(Seed::teams).orElse(List.of());
        return new Agent(id, seed.map(Seed::username).orElse(null), displayName,
                Set.copyOf(teams.isEmpty() ? seededTeams : teams),
                Set.copyOf(seed.map(Seed::skills).orElse(List.of())),
                seed.map(s -> Languages.primaries(s.languages())).orElse(defaultLanguages),
                seed.map(Seed::supervisor).orElse(false),
                seed.map(Seed::capacity).orElse(defaultCapacity),
                0, presence, at, at, null);
    }
}
