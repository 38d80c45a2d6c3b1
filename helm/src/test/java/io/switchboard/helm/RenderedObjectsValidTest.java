package io.switchboard.helm;

import io.switchboard.helm.support.Chart;
import io.switchboard.helm.support.Chart.Scenario;
import io.switchboard.helm.support.Manifest;
import io.switchboard.helm.support.ManifestValidator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every object every scenario renders (the helm test pod included) is valid Kubernetes or KEDA. */
class RenderedObjectsValidTest {

    static List<Scenario> scenarios() {
        return Chart.scenarios();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyRenderedObjectMatchesItsSchema(Scenario scenario) {
        List<Manifest> manifests = scenario.manifests();
        assertThat(manifests).extracting(Manifest::kind).contains("Deployment", "Service", "NetworkPolicy");

        assertThat(ManifestValidator.validate(manifests)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void theReadinessTestPodIsValidToo(Scenario scenario) {
        List<Manifest> hooks = scenario.testHooks();
        assertThat(hooks).extracting(Manifest::kind).containsExactly("Pod");

        assertThat(ManifestValidator.validate(hooks)).isEmpty();
    }
}
