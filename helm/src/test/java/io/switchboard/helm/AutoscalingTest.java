package io.switchboard.helm;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.helm.support.Chart;
import io.switchboard.helm.support.Chart.Scenario;
import io.switchboard.helm.support.Manifest;
import io.switchboard.helm.support.Services;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Scaling with mention volume: KEDA on consumer lag per consumer, CPU HPAs otherwise. */
class AutoscalingTest {

    static List<Scenario> scenarios() {
        return Chart.scenarios();
    }

    private static List<JsonNode> kafkaTriggers(Manifest scaledObject) {
        List<JsonNode> triggers = new ArrayList<>();
        scaledObject.spec().path("triggers").forEach(t -> {
            if (t.path("type").asText().equals("kafka")) {
                triggers.add(t);
            }
        });
        return triggers;
    }

    @SuppressWarnings("unchecked")
    private static int partitions(Scenario scenario, String topic) {
        Map<String, Object> topics = (Map<String, Object>) ((Map<String, Object>) scenario.values().get("kafka")).get("topics");
        return ((Number) ((Map<String, Object>) topics.get(topic)).get("partitions")).intValue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void kedaNeverScalesAConsumerAboveTheTopicsPartitions(Scenario scenario) {
        for (Manifest so : Manifest.ofKind(scenario.manifests(), "ScaledObject")) {
            int max = so.spec().path("maxReplicaCount").asInt();
            assertThat(kafkaTriggers(so)).as(so.toString()).isNotEmpty().allSatisfy(t -> {
                String topic = t.at("/metadata/topic").asText();
                assertThat(max).as("%s maxReplicaCount vs partitions of %s", so, topic).isLessThanOrEqualTo(partitions(scenario, topic));
                assertThat(t.at("/metadata/allowIdleConsumers").asText()).isEqualTo("false");
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyAutoscaledDeploymentHasExactlyOneScaler(Scenario scenario) {
        List<Manifest> manifests = scenario.manifests();
        for (Manifest d : Manifest.ofKind(manifests, "Deployment")) {
            boolean hpa = Manifest.find(manifests, "HorizontalPodAutoscaler", d.name()).isPresent();
            boolean keda = Manifest.find(manifests, "ScaledObject", d.name()).isPresent();
            assertThat(hpa && keda).as("%s has both an HPA and a ScaledObject", d).isFalse();
            if (hpa || keda) {
                assertThat(d.spec().has("replicas")).as("%s: replicas belong to the autoscaler", d).isFalse();
            } else {
                assertThat(d.spec().path("replicas").asInt()).as("%s: a fixed replica count", d).isPositive();
            }
        }
    }

    @Test
    void eachConsumerScalesOnTheLagOfEveryTopicItConsumesAsItsOwnGroup() {
        List<Manifest> manifests = Chart.scenario("default").manifests();
        for (Services service : Services.values()) {
            Optional<Manifest> so = Manifest.find(manifests, "ScaledObject", service.objectName());
            if (!service.scalesOnLag()) {
                assertThat(so).as("%s scales on CPU", service).isEmpty();
                assertThat(Manifest.find(manifests, "HorizontalPodAutoscaler", service.objectName())).isPresent();
                continue;
            }
            assertThat(so).as("%s has a ScaledObject", service).isPresent();
            List<JsonNode> triggers = kafkaTriggers(so.get());
            assertThat(triggers).extracting(t -> t.at("/metadata/topic").asText())
                    .as("topics of %s (io.switchboard.events.Topics.SUBSCRIPTIONS)", service)
                    .containsExactlyInAnyOrderElementsOf(service.consumedTopics());
            for (JsonNode t : triggers) {
                String topic = t.at("/metadata/topic").asText();
                // The group KEDA measures must be the group the service consumes with.
                String configured = service.applicationProperties().getProperty("mp.messaging.incoming." + topic + ".group.id");
                assertThat(t.at("/metadata/consumerGroup").asText())
                        .isEqualTo(configured != null ? configured : service.module());
                assertThat(t.at("/metadata/offsetResetPolicy").asText()).isEqualTo("earliest");
                assertThat(t.at("/metadata/bootstrapServers").asText()).isEqualTo("switchboard-kafka-bootstrap:9092");
            }
            assertThat(so.get().spec().path("scaleTargetRef").path("name").asText()).isEqualTo(service.objectName());
            assertThat(so.get().spec().path("minReplicaCount").asInt()).as("never to zero: the services also serve HTTP").isPositive();
        }
    }

    @Test
    void withoutKedaEveryServiceFallsBackToACpuHpa() {
        List<Manifest> manifests = Chart.scenario("keda-off").manifests();

        assertThat(Manifest.ofKind(manifests, "ScaledObject")).isEmpty();
        assertThat(Manifest.ofKind(manifests, "TriggerAuthentication")).isEmpty();
        for (Services service : Services.values()) {
            Manifest hpa = Manifest.find(manifests, "HorizontalPodAutoscaler", service.objectName()).orElseThrow();
            assertThat(hpa.spec().at("/metrics/0/resource/name").asText()).isEqualTo("cpu");
            assertThat(hpa.spec().path("maxReplicas").asInt()).isLessThanOrEqualTo(12);
        }
    }

    @Test
    void kedaLogsInToKafkaLikeTheServicesDo() {
        List<Manifest> manifests = Chart.scenario("production").manifests();
        Manifest auth = Manifest.find(manifests, "TriggerAuthentication", "switchboard-kafka").orElseThrow();

        assertThat(auth.spec().path("secretTargetRef").findValuesAsText("parameter")).containsExactly("password", "ca");
        assertThat(auth.spec().at("/secretTargetRef/0/name").asText()).isEqualTo("switchboard");
        assertThat(auth.spec().at("/secretTargetRef/1/name").asText()).isEqualTo("switchboard-cluster-ca-cert");
        String usernameVariable = auth.spec().at("/env/0/name").asText();
        for (Manifest so : Manifest.ofKind(manifests, "ScaledObject")) {
            Manifest deployment = Manifest.find(manifests, "Deployment", so.name()).orElseThrow();
            assertThat(deployment.spec().at("/template/spec/containers/0/env").findValuesAsText("name")).contains(usernameVariable);
            assertThat(kafkaTriggers(so)).allSatisfy(t -> {
                assertThat(t.at("/authenticationRef/name").asText()).isEqualTo("switchboard-kafka");
                assertThat(t.at("/metadata/sasl").asText()).isEqualTo("scram_sha512");
                assertThat(t.at("/metadata/tls").asText()).isEqualTo("enable");
                assertThat(t.at("/metadata/bootstrapServers").asText()).isEqualTo("switchboard-kafka-bootstrap:9093");
            });
        }
        assertThat(Manifest.find(Chart.scenario("external").manifests(), "ScaledObject", "switchboard-ticket-service").orElseThrow()
                .spec().at("/triggers/0/metadata/sasl").asText()).isEqualTo("plaintext");
    }
}
