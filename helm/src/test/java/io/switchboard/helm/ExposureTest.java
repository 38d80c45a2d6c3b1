package io.switchboard.helm;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.helm.support.Chart;
import io.switchboard.helm.support.Manifest;
import io.switchboard.helm.support.Services;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What is reachable: from outside only agent-gateway and mention-service's public ingestion paths
 * (Ingress), from inside only agent-gateway reaches the other services (NetworkPolicy), and each
 * service reaches only DNS, Kafka, PostgreSQL, the OIDC provider (and mention-service the channels).
 */
class ExposureTest {

    private final List<Manifest> manifests = Chart.scenario("default").manifests();

    private List<String> sourcesOf(Services service) {
        Manifest np = Manifest.find(manifests, "NetworkPolicy", service.objectName()).orElseThrow();
        List<String> sources = new ArrayList<>();
        for (JsonNode rule : np.spec().path("ingress")) {
            if (!rule.has("from")) {
                sources.add("anywhere");
            }
            for (JsonNode peer : rule.path("from")) {
                sources.add(peer.toString());
            }
        }
        return sources;
    }

    @Test
    void onlyThePublicServicesAcceptTheIngressController() {
        String ingressController = "{\"namespaceSelector\":{\"matchLabels\":{\"kubernetes.io/metadata.name\":\"ingress-nginx\"}}}";
        String gateway = "{\"podSelector\":{\"matchLabels\":{\"app.kubernetes.io/name\":\"agent-gateway\",\"app.kubernetes.io/instance\":\"switchboard\"}}}";

        assertThat(sourcesOf(Services.AGENT_GATEWAY)).contains(ingressController).doesNotContain(gateway, "anywhere");
        assertThat(sourcesOf(Services.MENTION_SERVICE)).contains(ingressController, gateway).doesNotContain("anywhere");
        for (Services internal : List.of(Services.TICKET_SERVICE, Services.ROUTING_SERVICE)) {
            assertThat(sourcesOf(internal)).contains(gateway).doesNotContain(ingressController, "anywhere");
        }
        for (Services service : Services.values()) {
            Manifest np = Manifest.find(manifests, "NetworkPolicy", service.objectName()).orElseThrow();
            assertThat(np.spec().path("policyTypes").toString()).isEqualTo("[\"Ingress\",\"Egress\"]");
            assertThat(np.spec().path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asText()).isEqualTo(service.module());
        }
    }

    @Test
    void egressIsDnsKafkaPostgresqlOidcAndForMentionServiceTheChannels() {
        for (Services service : Services.values()) {
            Manifest np = Manifest.find(manifests, "NetworkPolicy", service.objectName()).orElseThrow();
            List<Integer> ports = new ArrayList<>();
            boolean publicInternet = false;
            for (JsonNode rule : np.spec().path("egress")) {
                rule.path("ports").forEach(p -> ports.add(p.path("port").asInt()));
                publicInternet |= rule.toString().contains("\"cidr\":\"0.0.0.0/0\"");
            }
            assertThat(ports).contains(53, 9092, 5432, 8080);
            assertThat(publicInternet).as("%s reaches the internet", service).isEqualTo(service == Services.MENTION_SERVICE);
            assertThat(ports.contains(8082)).as("%s reaches ticket-service", service).isEqualTo(service == Services.AGENT_GATEWAY);
        }
    }

    @Test
    void thePublicIngressExposesOnlyTheIngestionPathsOfMentionService() {
        Manifest publicIngress = Manifest.find(manifests, "Ingress", "switchboard-public").orElseThrow();
        JsonNode paths = publicIngress.spec().at("/rules/0/http/paths");

        assertThat(paths.findValuesAsText("path"))
                .containsExactlyInAnyOrder("/api/v1/channels/webhook", "/api/v1/channels/x/webhook", "/api/v1/ask");
        assertThat(paths.findValues("service")).allSatisfy(s -> assertThat(s.path("name").asText()).isEqualTo("switchboard-mention-service"));
        assertThat(publicIngress.spec().at("/tls/0/hosts/0").asText()).isEqualTo("help.example.com");

        Manifest app = Manifest.find(manifests, "Ingress", "switchboard-app").orElseThrow();
        assertThat(app.spec().at("/rules/0/http/paths").findValuesAsText("path")).containsExactly("/");
        assertThat(app.spec().at("/rules/0/http/paths/0/backend/service/name").asText()).isEqualTo("switchboard-agent-gateway");
        assertThat(Manifest.ofKind(manifests, "Ingress")).hasSize(2);
    }

    @Test
    void thePublicPathsAreTheOnesMentionServiceServes() throws Exception {
        // The webhook and ask-us prefixes are mention-service resources' @Paths; the X webhook's
        // resource has not landed yet, its path is the one the issue names.
        StringBuilder sources = new StringBuilder();
        try (Stream<Path> files = Files.walk(Services.MENTION_SERVICE.moduleDir().resolve("src/main/java"))) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                sources.append(Files.readString(f));
            }
        }
        assertThat(sources).contains("@Path(\"/api/v1/channels/webhook/{source}\")").contains("@Path(\"/api/v1/ask\")");
    }

    @Test
    void servicesAreClusterInternalAndTheGatewayFindsThemByName() {
        for (Manifest service : Manifest.ofKind(manifests, "Service")) {
            assertThat(service.spec().path("type").asText()).isEqualTo("ClusterIP");
        }
        JsonNode gateway = Manifest.find(manifests, "Deployment", Services.AGENT_GATEWAY.objectName()).orElseThrow()
                .spec().at("/template/spec/containers/0");
        assertThat(PodSpecTest.env(gateway, "QUARKUS_REST_CLIENT_TICKET_SERVICE_URL")).isEqualTo("http://switchboard-ticket-service:80");
        assertThat(PodSpecTest.env(gateway, "QUARKUS_REST_CLIENT_ROUTING_SERVICE_URL")).isEqualTo("http://switchboard-routing-service:80");
        assertThat(PodSpecTest.env(gateway, "QUARKUS_REST_CLIENT_MENTION_SERVICE_URL")).isEqualTo("http://switchboard-mention-service:80");
        // Behind the TLS ingress: the public scheme and host for OIDC redirects, Secure cookies.
        assertThat(PodSpecTest.env(gateway, "QUARKUS_HTTP_PROXY_ENABLE_FORWARDED_HOST")).isEqualTo("true");
        assertThat(PodSpecTest.env(gateway, "QUARKUS_OIDC_AUTHENTICATION_COOKIE_FORCE_SECURE")).isEqualTo("true");
    }
}
