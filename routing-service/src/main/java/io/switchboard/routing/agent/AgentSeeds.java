package io.switchboard.routing.agent;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.switchboard.events.agent.Presence;

/**
 * What routing knows of an agent before they first appear: the realm's demo agents from
 * configuration, by their OIDC subject (the realm pins it, and agent-events carry it as the agent
 * id), so a seed can never be taken by someone who merely shares a name. Anyone else starts with the
 * defaults and their teams from the identity provider.
 */
public final class AgentSeeds {

    /**
     * @param subject the agent's OIDC {@code sub}
     * @param username who that is, for people reading the API and the configuration; may be null
     * @param capacity null for the default
     */
    public record Seed(String subject, String username, List<String> teams, List<String> skills, List<String> languages,
            Integer capacity, boolean supervisor) {
    }

    private final Map<String, Seed> bySubject;
    private final int defaultCapacity;
    private final Set<String> defaultLanguages;

    public AgentSeeds(List<Seed> seeds, int defaultCapacity, Set<String> defaultLanguages) {
        this.bySubject = seeds.stream().collect(Collectors.toUnmodifiableMap(Seed::subject, Function.identity()));
        this.defaultCapacity = defaultCapacity;
        this.defaultLanguages = Languages.primaries(defaultLanguages);
    }

    public Optional<Seed> of(String subject) {
        return Optional.ofNullable(subject == null ? null : bySubject.get(subject));
    }

    /** A new agent first seen at {@code at}, from their seed if they have one, else from the defaults. */
    public Agent newAgent(String id, String displayName, List<String> teams, Presence presence, Instant at) {
        Optional<Seed> seed = of(id);
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
