package io.switchboard.routing;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.switchboard.events.ticket.Priority;
import io.switchboard.routing.agent.AgentSeeds;
import io.switchboard.routing.infra.config.RoutingConfig;

/** The algorithm's configuration as plain values, so the engine can be built outside CDI (tests, a second instance). */
public record RoutingSettings(
        String defaultQueueId,
        String escalationQueueId,
        String escalationTeam,
        int minFollowers,
        double maxSentimentScore,
        Duration agingStep,
        Priority agingCeiling,
        Duration heartbeatTimeout,
        int overflowBatchSize,
        int dispatchPageSize,
        AgentSeeds seeds) {

    public static RoutingSettings from(RoutingConfig config) {
        List<AgentSeeds.Seed> seeds = config.agents().seed().entrySet().stream()
                .map(e -> new AgentSeeds.Seed(e.getKey(), e.getValue().username().orElse(null),
                        e.getValue().teams().orElse(List.of()), e.getValue().skills().orElse(List.of()),
                        e.getValue().languages().orElse(List.of()),
                        e.getValue().capacity().isPresent() ? e.getValue().capacity().getAsInt() : null,
                        e.getValue().supervisor()))
                .toList();
        return new RoutingSettings(config.defaultQueue(), config.escalation().queue(), config.escalation().team(),
                config.escalation().minFollowers(), config.escalation().maxSentimentScore(), config.aging().step(),
                Priority.valueOf(config.aging().maxPriority().toUpperCase(Locale.ROOT)),
                config.presence().heartbeatTimeout(), config.overflow().batchSize(), config.dispatch().pageSize(),
                new AgentSeeds(seeds, config.agents().defaultCapacity(), Set.copyOf(config.agents().defaultLanguages())));
    }
}
