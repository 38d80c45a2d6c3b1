package io.switchboard.routing.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.switchboard.events.agent.Presence;

class AgentSeedsTest {

    private final AgentSeeds seeds = new AgentSeeds(List.of(
            new AgentSeeds.Seed("mateo", "Mateo García", List.of("tech-support"), List.of("technical"), List.of("es", "en-GB"), 4,
                    false),
            new AgentSeeds.Seed("sam", "Sam Okafor", List.of("customer-care", "tech-support"), List.of(), List.of("en"), null,
                    true)),
            3, Set.of("en"));

    @Test
    void aSeededAgentIsRecognisedByDisplayNameOrUsername() {
        Agent mateo = seeds.newAgent("sub-1", "mateo garcía", List.of(), Presence.OFFLINE, null);
        assertThat(mateo.username()).isEqualTo("mateo");
        assertThat(mateo.skills()).containsExactly("technical");
        assertThat(mateo.languages()).containsExactlyInAnyOrder("es", "en");
        assertThat(mateo.capacity()).isEqualTo(4);
        assertThat(mateo.teams()).containsExactly("tech-support");
        assertThat(seeds.match("SAM")).isPresent();
    }

    @Test
    void theIdentityProvidersTeamsWinOverTheSeeds() {
        Agent sam = seeds.newAgent("sub-2", "Sam Okafor", List.of("customer-care"), Presence.OFFLINE, null);
        assertThat(sam.teams()).containsExactly("customer-care");
        assertThat(sam.supervisor()).isTrue();
        assertThat(sam.capacity()).isEqualTo(3);
    }

    @Test
    void anyoneElseStartsWithTheDefaults() {
        Agent stranger = seeds.newAgent("sub-3", "Someone Else", List.of("customer-care"), Presence.OFFLINE, null);
        assertThat(stranger.username()).isNull();
        assertThat(stranger.capacity()).isEqualTo(3);
        assertThat(stranger.languages()).containsExactly("en");
        assertThat(stranger.skills()).isEmpty();
        assertThat(stranger.supervisor()).isFalse();
        assertThat(stranger.load()).isZero();
    }
}
