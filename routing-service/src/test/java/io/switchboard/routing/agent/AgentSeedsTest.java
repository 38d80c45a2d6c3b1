package io.switchboard.routing.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.switchboard.events.agent.Presence;

class AgentSeedsTest {

    private static final String MATEO = "00000000-0000-4000-8000-0000000a7e00";
    private static final String SAM = "00000000-0000-4000-8000-000000005a00";

    private final AgentSeeds seeds = new AgentSeeds(List.of(
            new AgentSeeds.Seed(MATEO, "mateo", List.of("tech-support"), List.of("technical"), List.of("es", "en-GB"), 4, false),
            new AgentSeeds.Seed(SAM, "sam", List.of("customer-care", "tech-support"), List.of(), List.of("en"), null, true)),
            3, Set.of("en"));

    @Test
    void aSeededAgentIsRecognisedByTheirSubjectWhateverTheirName() {
        Agent mateo = seeds.newAgent(MATEO, "M. García (renamed)", List.of(), Presence.OFFLINE, null);
        assertThat(mateo.id()).isEqualTo(MATEO);
        assertThat(mateo.username()).isEqualTo("mateo");
        assertThat(mateo.displayName()).isEqualTo("M. García (renamed)");
        assertThat(mateo.skills()).containsExactly("technical");
        assertThat(mateo.languages()).containsExactlyInAnyOrder("es", "en");
        assertThat(mateo.capacity()).isEqualTo(4);
        assertThat(mateo.teams()).containsExactly("tech-support");
    }

    @Test
    void sharingADemoAgentsNameOrUsernameGetsNobodyTheirSeed() {
        for (String name : List.of("Mateo García", "mateo")) {
            Agent impostor = seeds.newAgent("someone-else", name, List.of("tech-support"), Presence.OFFLINE, null);
            assertThat(impostor.username()).isNull();
            assertThat(impostor.skills()).isEmpty();
            assertThat(impostor.capacity()).isEqualTo(3);
        }
    }

    @Test
    void theIdentityProvidersTeamsWinOverTheSeeds() {
        Agent sam = seeds.newAgent(SAM, "Sam Okafor", List.of("customer-care"), Presence.OFFLINE, null);
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
