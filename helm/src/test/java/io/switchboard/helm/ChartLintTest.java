package io.switchboard.helm;

import com.marcnuri.helm.LintResult;
import io.switchboard.helm.support.Chart;
import io.switchboard.helm.support.Chart.Scenario;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** helm lint --strict passes with the defaults and with every ci/values-*.yaml (as ct lint runs it). */
class ChartLintTest {

    static List<Scenario> scenarios() {
        return Chart.scenarios();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void lintStrictPasses(Scenario scenario) {
        LintResult result = scenario.lint();

        assertThat(result.isFailed()).as("lint failed: %s", result.getMessages()).isFalse();
        // --strict turns warnings into failures; only the "icon is recommended" INFO may remain.
        assertThat(result.getMessages()).allSatisfy(m -> assertThat(m).startsWith("[INFO]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyScenarioIsAtLeastTheFourServices(Scenario scenario) {
        assertThat(scenario.manifests().stream().filter(m -> m.kind().equals("Deployment")).map(m -> m.label("app.kubernetes.io/name")))
                .containsExactly("agent-gateway", "mention-service", "ticket-service", "routing-service");
    }
}
