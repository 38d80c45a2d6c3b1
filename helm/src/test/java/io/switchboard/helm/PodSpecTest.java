package io.switchboard.helm;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.helm.support.Chart;
import io.switchboard.helm.support.Chart.Scenario;
import io.switchboard.helm.support.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every pod is hardened, probed on the SmallRye Health endpoints, and stops without losing work. */
class PodSpecTest {

    static List<Scenario> scenarios() {
        return Chart.scenarios();
    }

    private static List<JsonNode> podSpecs(Scenario scenario) {
        List<JsonNode> specs = new ArrayList<>();
        Manifest.ofKind(scenario.manifests(), "Deployment").forEach(d -> specs.add(d.spec().at("/template/spec")));
        scenario.testHooks().forEach(p -> specs.add(p.spec()));
        return specs;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyPodRunsNonRootReadOnlyWithoutCapabilities(Scenario scenario) {
        assertThat(podSpecs(scenario)).hasSize(5).allSatisfy(pod -> {
            assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
            assertThat(pod.at("/securityContext/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
            assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).isFalse();
            assertThat(pod.path("enableServiceLinks").asBoolean(true)).isFalse();
            for (JsonNode c : pod.path("containers")) {
                assertThat(c.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
                assertThat(c.at("/securityContext/allowPrivilegeEscalation").asBoolean(true)).isFalse();
                assertThat(c.at("/securityContext/capabilities/drop/0").asText()).isEqualTo("ALL");
                assertThat(c.at("/resources/requests").isObject()).isTrue();
                assertThat(c.at("/resources/limits/memory").isTextual()).isTrue();
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void servicesWriteOnlyToAnEmptyDirTmpAndReadSecretsFromSecrets(Scenario scenario) {
        for (Manifest d : Manifest.ofKind(scenario.manifests(), "Deployment")) {
            JsonNode pod = d.spec().at("/template/spec");
            JsonNode container = pod.at("/containers/0");
            assertThat(container.path("volumeMounts").toString()).contains("\"mountPath\":\"/tmp\"");
            assertThat(pod.path("volumes").get(0).path("emptyDir").isObject()).isTrue();
            for (JsonNode env : container.path("env")) {
                String name = env.path("name").asText();
                if (name.contains("PASSWORD") || name.endsWith("SECRET")) {
                    assertThat(env.has("value")).as("%s %s comes from a Secret", d, name).isFalse();
                    assertThat(env.at("/valueFrom/secretKeyRef/name").asText()).isNotEmpty();
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void probesUseTheSmallRyeHealthEndpoints(Scenario scenario) {
        for (Manifest d : Manifest.ofKind(scenario.manifests(), "Deployment")) {
            JsonNode c = d.spec().at("/template/spec/containers/0");
            assertThat(c.at("/startupProbe/httpGet/path").asText()).isEqualTo("/q/health/started");
            assertThat(c.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
            assertThat(c.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
            assertThat(c.at("/readinessProbe/httpGet/port").asText()).isEqualTo("http");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void aScaleInDrainsBeforeThePodIsKilled(Scenario scenario) {
        for (Manifest d : Manifest.ofKind(scenario.manifests(), "Deployment")) {
            JsonNode pod = d.spec().at("/template/spec");
            JsonNode c = pod.at("/containers/0");
            long sleep = c.at("/lifecycle/preStop/sleep/seconds").asLong();
            String timeout = env(c, "QUARKUS_SHUTDOWN_TIMEOUT");
            Duration shutdown = Duration.parse("PT" + timeout.toUpperCase());
            assertThat(sleep).as("%s preStop sleep", d).isPositive();
            assertThat(sleep + shutdown.toSeconds()).as("%s drains within the grace period", d)
                    .isLessThan(pod.path("terminationGracePeriodSeconds").asLong());
            assertThat(d.spec().at("/strategy/rollingUpdate/maxUnavailable").asInt()).isZero();
        }
    }

    @Test
    void productionIsHighlyAvailable() {
        List<Manifest> manifests = Chart.scenario("production").manifests();
        for (Manifest d : Manifest.ofKind(manifests, "Deployment")) {
            Manifest pdb = Manifest.find(manifests, "PodDisruptionBudget", d.name()).orElseThrow();
            assertThat(pdb.spec().path("selector")).isEqualTo(d.spec().path("selector"));
            JsonNode scaler = Manifest.find(manifests, "ScaledObject", d.name())
                    .map(so -> so.spec().path("minReplicaCount"))
                    .orElseGet(() -> Manifest.find(manifests, "HorizontalPodAutoscaler", d.name()).orElseThrow().spec().path("minReplicas"));
            assertThat(scaler.asInt()).as("%s min replicas", d).isGreaterThanOrEqualTo(3);
            assertThat(d.spec().at("/template/spec/topologySpreadConstraints").findValuesAsText("topologyKey"))
                    .containsExactly("topology.kubernetes.io/zone", "kubernetes.io/hostname");
            assertThat(d.spec().at("/template/spec/containers/0/image").asText()).startsWith("registry.example.com/switchboard/").endsWith(":0.1.0");
        }
    }

    @Test
    void imagesDefaultToTheChartsAppVersion() {
        for (Manifest d : Manifest.ofKind(Chart.scenario("default").manifests(), "Deployment")) {
            assertThat(d.spec().at("/template/spec/containers/0/image").asText())
                    .isEqualTo("switchboard/" + d.label("app.kubernetes.io/name") + ":" + System.getProperty("switchboard.project.version", "0.1.0-SNAPSHOT"));
        }
    }

    static String env(JsonNode container, String name) {
        for (JsonNode e : container.path("env")) {
            if (e.path("name").asText().equals(name)) {
                return e.path("value").asText();
            }
        }
        throw new AssertionError("no env " + name);
    }
}
