package io.switchboard.helm;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.helm.support.Chart;
import io.switchboard.helm.support.Manifest;
import io.switchboard.helm.support.Services;
import io.switchboard.platform.Profile;
import io.switchboard.platform.RunningPlatform;
import io.switchboard.platform.Secrets;
import io.switchboard.platform.Service;
import io.switchboard.platform.ServiceEnvironment;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chart is the deployable source; these checks keep it equal to what the services themselves
 * say: the objects quarkus-kubernetes generates at build time (ports, probes, names, image tag),
 * and the configuration the local launcher gives each service (platform's ServiceEnvironment).
 */
class OneSourceOfTruthTest {

    private static final List<Manifest> CHART = Chart.scenario("default").manifests();

    /**
     * Quarkus runtime settings only a cluster needs, which neither the launcher nor
     * application.properties sets: graceful shutdown, and running behind an ingress controller.
     */
    private static final Set<String> CHART_ONLY = Set.of("QUARKUS_SHUTDOWN_TIMEOUT",
            "QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING", "QUARKUS_HTTP_PROXY_ENABLE_FORWARDED_HOST");

    private static List<Manifest> generated(Services service) throws Exception {
        Path file = service.moduleDir().resolve("target/kubernetes/kubernetes.yml");
        assertThat(file).as("quarkus-kubernetes output of %s: build the service first "
                + "(./mvnw -pl %s package -DskipTests; the reactor builds the services before helm/)", service, service.module())
                .exists();
        return Manifest.parseAll(Files.readString(file));
    }

    private static JsonNode container(Manifest deployment) {
        return deployment.spec().at("/template/spec/containers/0");
    }

    @ParameterizedTest
    @EnumSource(Services.class)
    void portsProbesNamesAndTagMatchWhatQuarkusKubernetesGenerates(Services service) throws Exception {
        List<Manifest> quarkus = generated(service);
        Manifest theirs = Manifest.find(quarkus, "Deployment", service.module()).orElseThrow();
        Manifest ours = Manifest.find(CHART, "Deployment", service.objectName()).orElseThrow();
        JsonNode theirContainer = container(theirs);
        JsonNode ourContainer = container(ours);

        assertThat(ourContainer.at("/ports/0/containerPort").asInt()).isEqualTo(theirContainer.at("/ports/0/containerPort").asInt());
        assertThat(ourContainer.at("/ports/0/name").asText()).isEqualTo(theirContainer.at("/ports/0/name").asText());
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            assertThat(ourContainer.at("/" + probe + "/httpGet/path").asText()).as(probe)
                    .isEqualTo(theirContainer.at("/" + probe + "/httpGet/path").asText());
        }
        assertThat(ours.label("app.kubernetes.io/name")).isEqualTo(theirs.label("app.kubernetes.io/name"));

        Manifest theirService = Manifest.find(quarkus, "Service", service.module()).orElseThrow();
        Manifest ourService = Manifest.find(CHART, "Service", service.objectName()).orElseThrow();
        assertThat(ourService.spec().at("/ports/0/port").asInt()).isEqualTo(theirService.spec().at("/ports/0/port").asInt());

        // Jib tags the image with the project version; the chart's default tag is its appVersion.
        String theirImage = theirContainer.path("image").asText();
        String ourImage = ourContainer.path("image").asText();
        assertThat(ourImage.substring(ourImage.lastIndexOf('/'))).isEqualTo(theirImage.substring(theirImage.lastIndexOf('/')));

        String metricsPath = theirs.body().at("/metadata/annotations").path("prometheus.io/path").asText("/q/metrics");
        assertThat(Chart.template(null, Map.of("metrics.serviceMonitor.enabled", true))).contains("path: " + metricsPath);
    }

    private static final String WEBHOOK_SOURCES = "switchboard.webhook.sources.";
    private static final String IDENTITY_KEY = "switchboard.privacy.identity-key";

    @ParameterizedTest
    @EnumSource(Services.class)
    void theChartGivesEachServiceTheConfigurationTheLauncherGivesIt(Services service, @TempDir Path dir) {
        Service launcherService = Service.parse(service.module());
        ServiceEnvironment launcher = new RunningPlatform(Profile.TEST, Profile.TEST.ports(),
                Secrets.loadOrCreate(dir.resolve("secrets.env"))).serviceEnvironment();
        Properties appProperties = service.applicationProperties();
        JsonNode ourContainer = container(Manifest.find(CHART, "Deployment", service.objectName()).orElseThrow());
        List<String> ourEnv = ourContainer.path("env").findValuesAsText("name");

        launcher.properties(launcherService).forEach((property, value) -> {
            if (property.startsWith(WEBHOOK_SOURCES)) {
                // A webhook source's secret is a channel credential: in a cluster it comes from the
                // channels Secret (envFrom, every key a variable), named per install, not by the chart.
                assertThat(Chart.template(null, Map.of("channels.existingSecret", "install-channels")))
                        .as("%s: the launcher sets %s; the chart must mount the channels Secret", service, property)
                        .contains("name: install-channels");
                return;
            }
            if (property.equals(IDENTITY_KEY)) {
                // A key, not configuration: in a cluster it comes from the operator's Secret
                // (privacy.identityKeySecret), which the launcher's secrets.env stands in for.
                assertThat(Chart.template(null, Map.of("privacy.identityKeySecret", "install-privacy")))
                        .as("%s: the launcher sets %s; the chart must take it from the privacy Secret", service, property)
                        .contains("name: install-privacy");
                return;
            }
            String variable = ServiceEnvironment.envVarName(property);
            boolean setByChart = ourEnv.contains(variable);
            boolean sameInApplicationProperties = value.equals(appProperties.getProperty(property));
            assertThat(setByChart || sameInApplicationProperties)
                    .as("%s: the launcher sets %s; the chart must set %s (or application.properties the same value)", service, property, variable)
                    .isTrue();
        });

        for (String variable : ourEnv) {
            if (!variable.startsWith("QUARKUS_") || CHART_ONLY.contains(variable) || variable.startsWith("QUARKUS_REST_CLIENT_")) {
                continue;
            }
            boolean known = launcher.properties(launcherService).keySet().stream().anyMatch(p -> ServiceEnvironment.envVarName(p).equals(variable))
                    || appProperties.stringPropertyNames().stream().anyMatch(p -> ServiceEnvironment.envVarName(p).equals(variable));
            assertThat(known).as("%s: the chart sets %s, which neither the launcher nor application.properties knows", service, variable).isTrue();
        }
    }
}
