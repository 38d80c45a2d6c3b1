package io.switchboard.helm;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.helm.support.Chart;
import io.switchboard.helm.support.Manifest;
import io.switchboard.helm.support.Services;
import io.switchboard.platform.ServiceEnvironment;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The values of "Service settings": each is one configuration key of one service, given to that
 * service's pods (and no other's) as its environment variable, with the service's own default;
 * a value set at install is what the pods get.
 */
class ServiceSettingsTest {

    /** A value of the chart and the service's configuration key it sets. */
    private record Setting(String value, Services service, String property) {
        String variable() {
            return ServiceEnvironment.envVarName(property);
        }
    }

    private static final List<Setting> SETTINGS = List.of(
            new Setting("ticketing.mentionsConcurrency", Services.TICKET_SERVICE, "mp.messaging.incoming.mentions.concurrency"),
            new Setting("routing.decisionLog.retention", Services.ROUTING_SERVICE, "routing.decision-log.retention"));

    @Test
    void eachSettingReachesOnlyItsServiceWithTheServicesOwnDefault() {
        List<Manifest> chart = Chart.scenario("default").manifests();
        for (Setting setting : SETTINGS) {
            String ownDefault = setting.service().applicationProperties().getProperty(setting.property());
            assertThat(ownDefault).as("%s in %s's application.properties", setting.property(), setting.service()).isNotNull();
            for (Services service : Services.values()) {
                Optional<String> env = env(chart, service, setting.variable());
                if (service == setting.service()) {
                    assertThat(env).as("%s of %s", setting.variable(), service).contains(ownDefault);
                } else {
                    assertThat(env).as("%s of %s", setting.variable(), service).isEmpty();
                }
            }
        }
    }

    @Test
    void aValueSetAtInstallIsWhatThePodsGet() {
        List<Manifest> chart = Manifest.parseAll(Chart.template(null,
                Map.of("ticketing.mentionsConcurrency", 2, "routing.decisionLog.retention", "P30D")));

        assertThat(env(chart, Services.TICKET_SERVICE, "MP_MESSAGING_INCOMING_MENTIONS_CONCURRENCY")).contains("2");
        assertThat(env(chart, Services.ROUTING_SERVICE, "ROUTING_DECISION_LOG_RETENTION")).contains("P30D");
    }

    /**
     * mention-service's identity key comes from the operator's Secret, to mention-service only; without
     * one, no variable at all (the service then keeps a key in its database).
     */
    @Test
    void theIdentityKeyComesFromItsSecretToMentionServiceOnly() {
        String variable = ServiceEnvironment.envVarName("switchboard.privacy.identity-key");
        List<Manifest> chart = Manifest.parseAll(Chart.template(null,
                Map.of("privacy.identityKeySecret", "switchboard-privacy", "privacy.identityKeySecretKey", "key")));
        for (Services service : Services.values()) {
            Optional<JsonNode> entry = entry(chart, service, variable);
            if (service == Services.MENTION_SERVICE) {
                assertThat(entry).as("%s of %s", variable, service).isPresent();
                assertThat(entry.get().path("value").isMissingNode()).as("never a literal value").isTrue();
                assertThat(entry.get().at("/valueFrom/secretKeyRef/name").asText()).isEqualTo("switchboard-privacy");
                assertThat(entry.get().at("/valueFrom/secretKeyRef/key").asText()).isEqualTo("key");
            } else {
                assertThat(entry).as("%s of %s", variable, service).isEmpty();
            }
        }
        assertThat(entry(Chart.scenario("default").manifests(), Services.MENTION_SERVICE, variable)).isEmpty();
    }

    private static Optional<String> env(List<Manifest> chart, Services service, String variable) {
        return entry(chart, service, variable).map(e -> e.path("value").asText());
    }

    private static Optional<JsonNode> entry(List<Manifest> chart, Services service, String variable) {
        JsonNode env = Manifest.find(chart, "Deployment", service.objectName()).orElseThrow()
                .spec().at("/template/spec/containers/0/env");
        for (JsonNode e : env) {
            if (variable.equals(e.path("name").asText())) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
