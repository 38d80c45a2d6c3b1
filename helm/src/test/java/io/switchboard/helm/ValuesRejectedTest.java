package io.switchboard.helm;

import com.marcnuri.helm.LintResult;
import io.switchboard.helm.support.Chart;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A wrong value is refused before anything is deployed: values.schema.json for a value that is
 * wrong on its own (helm lint, template and install all check it), the validateValues rules of
 * _validate.tpl for values that contradict each other.
 */
class ValuesRejectedTest {

    private static String templateError(Map<String, Object> set) {
        try {
            Chart.template(null, set);
        } catch (RuntimeException e) {
            return e.getMessage();
        }
        throw new AssertionError("helm template accepted " + set);
    }

    private static String templateError(String valuesYaml) {
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("values", ".yaml");
            try {
                java.nio.file.Files.writeString(file, valuesYaml);
                Chart.template(file, Map.of());
            } finally {
                java.nio.file.Files.delete(file);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (RuntimeException e) {
            return e.getMessage();
        }
        throw new AssertionError("helm template accepted " + valuesYaml);
    }

    // --- values.schema.json

    @Test
    void theSchemaRejectsAnUnknownSecurityProtocol() {
        assertThat(templateError(Map.of("kafka.securityProtocol", "SASL_TLS")))
                .contains("/kafka/securityProtocol").contains("must be one of");
    }

    @Test
    void theSchemaRejectsAMisspeltKey() {
        assertThat(templateError(Map.of("ticketService.replicas", 3)))
                .contains("ticketService").contains("replicas");
    }

    @Test
    void theSchemaRejectsAWrongType() {
        assertThat(templateError(Map.of("mentionService.autoscaling.maxReplicas", "lots")))
                .contains("/mentionService/autoscaling/maxReplicas");
    }

    @Test
    void theSchemaRejectsAnInvalidDurationAndImageDigest() {
        String error = templateError(Map.of("routingService.shutdownTimeout", "thirty seconds",
                "agentGateway.image.digest", "md5:abc"));
        assertThat(error).contains("/routingService/shutdownTimeout").contains("/agentGateway/image/digest");
    }

    @Test
    void theSchemaRejectsServiceSettingsOutOfTheirRange() {
        String error = templateError(Map.of("ticketing.mentionsConcurrency", 0, "routing.decisionLog.retention", "7 days"));
        assertThat(error).contains("/ticketing/mentionsConcurrency").contains("/routing/decisionLog/retention");
        assertThat(templateError(Map.of("routing.decisionLog.retention", "PT"))).contains("/routing/decisionLog/retention");
    }

    @Test
    void lintFailsOnABrokenValueToo() {
        LintResult result = Chart.lint(null, Map.of("postgresql.port", 0));

        assertThat(result.isFailed()).isTrue();
        assertThat(result.getMessages()).anySatisfy(m -> assertThat(m).contains("/postgresql/port"));
    }

    // --- validateValues (_validate.tpl)

    @Test
    void aConsumerMayNotScaleAboveItsTopicsPartitions() {
        assertThat(templateError(Map.of("routingService.autoscaling.maxReplicas", 13)))
                .contains("VALUES VALIDATION")
                .contains("routingService.autoscaling.maxReplicas=13 is above the 12 partitions of topic \"ticket-events\"")
                .contains("topic \"agent-events\"");
    }

    @Test
    void theLimitFollowsThePartitionCountsGiven() {
        assertThat(templateError(Map.of("kafka.topics.mentions.partitions", 6)))
                .contains("ticketService.autoscaling.maxReplicas=12 is above the 6 partitions of topic \"mentions\"");
    }

    @Test
    void ticketServiceRunsNoMoreMentionsConsumersInAPodThanTheTopicHasPartitions() {
        assertThat(templateError(Map.of("ticketing.mentionsConcurrency", 13)))
                .contains("ticketing.mentionsConcurrency=13 is above the 12 partitions of topic \"mentions\"");
        assertThat(Chart.template(null, Map.of("ticketing.mentionsConcurrency", 12))).contains("MP_MESSAGING_INCOMING_MENTIONS_CONCURRENCY");
    }

    @Test
    void withoutAutoscalingTheReplicaCountIsHeldToTheSameLimit() {
        assertThat(templateError(Map.of("mentionService.autoscaling.enabled", false, "mentionService.replicaCount", 20)))
                .contains("mentionService.replicaCount=20 is above the 12 partitions of topic \"ticket-events\"");
    }

    @Test
    void aTopicWithoutAPartitionCountIsRefused() {
        assertThat(templateError("""
                ticketService:
                  autoscaling:
                    topics: [mentions, tickets]
                """))
                .contains("topic \"tickets\" has no partition count in kafka.topics");
    }

    @Test
    void shutdownMustFitInTheGracePeriod() {
        assertThat(templateError(Map.of("ticketService.shutdownTimeout", "1m")))
                .contains("ticketService: preStopSleepSeconds + shutdownTimeout = 65s must be less than terminationGracePeriodSeconds=60");
    }

    @Test
    void saslNeedsAUserAndAPassword() {
        assertThat(templateError(Map.of("kafka.securityProtocol", "SASL_SSL")))
                .contains("kafka.sasl.username is required")
                .contains("kafka.sasl.existingSecret (or password) is required");
    }

    @Test
    void everyBrokenRuleIsReportedAtOnce() {
        String error = templateError(Map.of("routingService.autoscaling.minReplicas", 9,
                "routingService.autoscaling.maxReplicas", 4,
                "agentGateway.database.existingSecret", "",
                "oidc.gateway.existingSecret", ""));
        assertThat(error).contains("routingService.autoscaling.minReplicas=9 is above maxReplicas=4")
                .contains("agentGateway.database: set existingSecret (or password)")
                .contains("oidc.gateway: set existingSecret (or clientSecret)");
    }
}
