package io.switchboard.helm;

import com.fasterxml.jackson.databind.JsonNode;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.switchboard.events.Topics;
import io.switchboard.helm.support.Chart;
import io.switchboard.helm.support.Manifest;
import io.switchboard.helm.support.Services;
import io.switchboard.helm.support.StrictKubernetesModel;
import io.switchboard.helm.support.Yaml;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * k8s/, the platform the chart runs on, agrees with the code and with the chart's defaults:
 * every topic and dead-letter topic exists with the partitions the chart scales against, every
 * service has its database and role behind the Secret the chart reads, Kafka is KRaft, and the
 * Strimzi objects read strictly into Strimzi's own API model.
 */
class PlatformManifestsTest {

    private static final Path K8S = Chart.repoRoot().resolve("k8s");

    private static List<Manifest> all() {
        List<Manifest> manifests = new ArrayList<>();
        JsonNode kustomization = Yaml.readTree(K8S.resolve("kustomization.yaml"));
        for (JsonNode resource : kustomization.path("resources")) {
            try {
                Manifest.parseAll(Files.readString(K8S.resolve(resource.asText()))).stream()
                        .map(m -> new Manifest(resource.asText(), m.body())).forEach(manifests::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return manifests;
    }

    @Test
    void kustomizationListsEveryManifest() throws IOException {
        List<String> files;
        try (Stream<Path> paths = Files.walk(K8S)) {
            files = paths.filter(p -> p.toString().endsWith(".yaml") && !p.endsWith("kustomization.yaml"))
                    .map(p -> K8S.relativize(p).toString()).sorted().toList();
        }
        List<String> resources = new ArrayList<>();
        Yaml.readTree(K8S.resolve("kustomization.yaml")).path("resources").forEach(r -> resources.add(r.asText()));
        assertThat(resources).containsExactlyInAnyOrderElementsOf(files);
    }

    @Test
    void everyTopicAndDeadLetterTopicIsDeclared() {
        List<Manifest> topics = Manifest.ofKind(all(), "KafkaTopic");
        List<String> expected = new ArrayList<>(Topics.ALL);
        expected.addAll(Topics.deadLetterTopics());

        assertThat(topics).extracting(Manifest::name).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(topics).allSatisfy(t -> {
            assertThat(t.label("strimzi.io/cluster")).isEqualTo("switchboard");
            assertThat(t.spec().path("replicas").asInt()).isEqualTo(3);
            assertThat(t.spec().at("/config/retention.ms").asLong()).isPositive();
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void partitionCountsAreTheOnesTheChartScalesAgainst() {
        Map<String, Object> chartTopics = (Map<String, Object>) ((Map<String, Object>) Chart.defaultValues().get("kafka")).get("topics");
        assertThat(chartTopics.keySet()).containsExactlyInAnyOrderElementsOf(Topics.ALL);
        for (Manifest topic : Manifest.ofKind(all(), "KafkaTopic")) {
            if (Topics.ALL.contains(topic.name())) {
                int chart = ((Number) ((Map<String, Object>) chartTopics.get(topic.name())).get("partitions")).intValue();
                assertThat(topic.spec().path("partitions").asInt()).as(topic.name()).isEqualTo(chart);
            }
        }
    }

    @Test
    void kafkaRunsInKRaftModeWithTheListenersTheChartUses() {
        List<Manifest> manifests = all();
        Manifest kafka = Manifest.find(manifests, "Kafka", "switchboard").orElseThrow();
        Manifest pool = Manifest.ofKind(manifests, "KafkaNodePool").get(0);

        assertThat(kafka.body().at("/metadata/annotations/strimzi.io~1kraft").asText()).isEqualTo("enabled");
        assertThat(kafka.body().at("/metadata/annotations/strimzi.io~1node-pools").asText()).isEqualTo("enabled");
        assertThat(kafka.spec().has("zookeeper")).isFalse();
        assertThat(pool.spec().path("roles").findValuesAsText("roles")).isEmpty();
        assertThat(pool.spec().path("roles").toString()).contains("controller").contains("broker");
        assertThat(kafka.spec().at("/kafka/listeners").findValuesAsText("name")).containsExactly("plain", "tls");
        assertThat(kafka.spec().at("/kafka/listeners/0/port").asInt()).isEqualTo(9092);
        assertThat(kafka.spec().at("/kafka/listeners/1/authentication/type").asText()).isEqualTo("scram-sha-512");
        // The chart's default bootstrap servers are this cluster's bootstrap Service.
        assertThat(((Map<?, ?>) Chart.defaultValues().get("kafka")).get("bootstrapServers")).isEqualTo("switchboard-kafka-bootstrap:9092");
        assertThat(Manifest.find(manifests, "KafkaUser", "switchboard")).isPresent();
    }

    @Test
    void strimziObjectsReadStrictlyIntoStrimzisModel() {
        Map<String, Class<?>> models = Map.of("Kafka", Kafka.class, "KafkaNodePool", KafkaNodePool.class,
                "KafkaTopic", KafkaTopic.class, "KafkaUser", KafkaUser.class);
        List<Manifest> strimzi = all().stream().filter(m -> m.apiVersion().startsWith("kafka.strimzi.io/")).toList();
        assertThat(strimzi).hasSizeGreaterThan(10);
        for (Manifest m : strimzi) {
            assertThat(StrictKubernetesModel.read(m.body(), models.get(m.kind()))).as(m.toString()).isEmpty();
        }
        Manifest broken = Manifest.ofKind(strimzi, "KafkaTopic").get(0);
        JsonNode typo = broken.body().deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) typo.get("spec")).put("partition", 3);
        assertThat(StrictKubernetesModel.read(typo, KafkaTopic.class)).hasValueSatisfying(p -> assertThat(p).contains("partition"));
    }

    @Test
    void everyServiceHasItsDatabaseAndRoleBehindTheSecretTheChartReads() {
        List<Manifest> manifests = all();
        Manifest cluster = Manifest.find(manifests, "Cluster", "switchboard-db").orElseThrow();
        JsonNode values = Yaml.MAPPER.valueToTree(Chart.defaultValues());
        assertThat(values.at("/postgresql/host").asText()).isEqualTo(cluster.name() + "-rw");

        for (Services service : Services.values()) {
            JsonNode db = values.path(service.valuesKey()).path("database");
            JsonNode role = null;
            for (JsonNode r : cluster.spec().at("/managed/roles")) {
                if (r.path("name").asText().equals(db.path("username").asText())) {
                    role = r;
                }
            }
            assertThat(role).as("role of %s", service).isNotNull();
            assertThat(role.path("login").asBoolean()).isTrue();
            assertThat(role.at("/passwordSecret/name").asText()).isEqualTo(db.path("existingSecret").asText());
            assertThat(db.path("passwordKey").asText()).isEqualTo("password");
            assertThat(manifests).anySatisfy(m -> {
                assertThat(m.kind()).isEqualTo("Database");
                assertThat(m.spec().path("name").asText()).isEqualTo(db.path("name").asText());
                assertThat(m.spec().path("owner").asText()).isEqualTo(db.path("username").asText());
                assertThat(m.spec().at("/cluster/name").asText()).isEqualTo(cluster.name());
            });
        }
    }

    @Test
    void keycloakIsWhereTheChartLooksForIt() {
        List<Manifest> manifests = all();
        Manifest keycloak = Manifest.find(manifests, "Keycloak", "switchboard-keycloak").orElseThrow();
        String authServerUrl = Yaml.MAPPER.valueToTree(Chart.defaultValues()).at("/oidc/authServerUrl").asText();

        assertThat(authServerUrl).isEqualTo("http://" + keycloak.name() + "-service:8080/realms/switchboard");
        assertThat(keycloak.spec().at("/http/httpEnabled").asBoolean()).isTrue();
        assertThat(keycloak.spec().at("/db/host").asText()).isEqualTo("switchboard-db-rw");
        assertThat(Manifest.find(manifests, "KeycloakRealmImport", "switchboard").orElseThrow()
                .spec().path("keycloakCRName").asText()).isEqualTo(keycloak.name());
    }

    @Test
    void everyObjectIsNamespacedToSwitchboard() {
        assertThat(all()).filteredOn(m -> !m.kind().equals("Namespace"))
                .allSatisfy(m -> assertThat(m.body().at("/metadata/namespace").asText()).as(m.toString()).isEqualTo("switchboard"));
    }
}
