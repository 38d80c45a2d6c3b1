package io.switchboard.routing.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.platform.testing.DemoUsers;
import io.switchboard.platform.testing.DemoUsers.DemoUser;
import io.switchboard.routing.RoutingSettings;
import io.switchboard.routing.infra.config.RoutingConfig;
import jakarta.inject.Inject;

/** The service's configuration seeds exactly the realm's demo agents, under the subjects the realm pins. */
@QuarkusTest
class DemoAgentSeedsTest {

    @Inject
    RoutingConfig config;

    @Test
    void everyDemoAgentHasASeedUnderTheirSubjectWithTheRealmsTeamsAndLanguages() {
        AgentSeeds seeds = RoutingSettings.from(config).seeds();
        for (DemoUser user : List.of(DemoUsers.AVA_USER, DemoUsers.MATEO_USER, DemoUsers.SAM_USER)) {
            AgentSeeds.Seed seed = seeds.of(user.subject()).orElseThrow(() -> new AssertionError("no seed for " + user.username()));
            assertThat(seed.username()).isEqualTo(user.username());
            assertThat(seed.teams()).as(user.username()).containsExactlyInAnyOrderElementsOf(user.teams());
            assertThat(seed.languages()).as(user.username()).containsExactlyInAnyOrderElementsOf(user.languages());
            assertThat(seed.supervisor()).as(user.username()).isEqualTo(user.roles().contains(DemoUsers.ROLE_SUPERVISOR));
            assertThat(seed.capacity()).as(user.username()).isPositive();
        }
        assertThat(config.agents().seed()).as("ada is an admin, not an agent").hasSize(3)
                .doesNotContainKey(DemoUsers.ADA_USER.subject());
    }
}
