package io.switchboard.helm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.helm.support.Chart;
import io.switchboard.helm.support.Manifest;
import io.switchboard.helm.support.ManifestValidator;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema checks are only worth something if they fail: each test takes a valid rendered
 * object, breaks one thing, and expects the validators to name it.
 */
class ValidatorsCatchMistakesTest {

    private static List<String> problemsAfter(String kind, String name, Consumer<ObjectNode> breakIt) {
        Manifest m = Manifest.find(Chart.scenario("production").manifests(), kind, name).orElseThrow();
        ObjectNode copy = m.body().deepCopy();
        assertThat(ManifestValidator.validate(List.of(new Manifest(m.source(), copy)))).as("valid before").isEmpty();
        breakIt.accept(copy);
        return ManifestValidator.validate(List.of(new Manifest(m.source(), copy)));
    }

    @Test
    void anUnknownFieldInADeploymentIsRejected() {
        assertThat(problemsAfter("Deployment", "switchboard-ticket-service",
                d -> ((ObjectNode) d.at("/spec/template/spec/containers/0")).put("livenessProbes", "x")))
                .anySatisfy(p -> assertThat(p).contains("fabric8").contains("livenessProbes"));
    }

    @Test
    void aWrongTypeIsRejected() {
        assertThat(problemsAfter("Deployment", "switchboard-ticket-service",
                d -> ((ObjectNode) d.at("/spec/template/spec/containers/0/ports/0")).put("containerPort", "eighty")))
                .anySatisfy(p -> assertThat(p).contains("containerPort"));
    }

    @Test
    void aMissingRequiredFieldIsRejected() {
        assertThat(problemsAfter("Deployment", "switchboard-ticket-service", d -> ((ObjectNode) d.get("spec")).remove("selector")))
                .anySatisfy(p -> assertThat(p).contains("kubernetes-models").contains("selector"));
    }

    @Test
    void aScaledObjectWithAnUnknownFieldOrWrongTypeIsRejected() {
        assertThat(problemsAfter("ScaledObject", "switchboard-ticket-service", so -> {
            ((ObjectNode) so.get("spec")).put("maxReplicas", 12);
            ((ObjectNode) so.get("spec")).put("minReplicaCount", "two");
        })).anySatisfy(p -> assertThat(p).contains("KEDA schema: spec.maxReplicas: unknown field"))
                .anySatisfy(p -> assertThat(p).contains("spec.minReplicaCount: must be an integer"));
    }

    @Test
    void aScaledObjectWithoutItsTargetIsRejected() {
        assertThat(problemsAfter("ScaledObject", "switchboard-ticket-service", so -> ((ObjectNode) so.get("spec")).remove("scaleTargetRef")))
                .anySatisfy(p -> assertThat(p).contains("required field scaleTargetRef is missing"));
    }

    @Test
    void aTriggerAuthenticationWithAMisspeltSecretRefIsRejected() {
        assertThat(problemsAfter("TriggerAuthentication", "switchboard-kafka",
                ta -> ((ObjectNode) ta.at("/spec/secretTargetRef/0")).put("secret", "x")))
                .anySatisfy(p -> assertThat(p).contains("secretTargetRef[0].secret: unknown field"));
    }

    @Test
    void aServiceMonitorWithAnUnknownFieldIsRejected() {
        assertThat(problemsAfter("ServiceMonitor", "switchboard",
                sm -> ((ObjectNode) sm.at("/spec/endpoints/0")).put("scrapeInterval", "10s")))
                .anySatisfy(p -> assertThat(p).contains("scrapeInterval"));
    }
}
