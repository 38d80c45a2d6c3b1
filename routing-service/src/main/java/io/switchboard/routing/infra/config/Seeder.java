package io.switchboard.routing.infra.config;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.Channel;
import io.switchboard.events.mention.Intent;
import io.switchboard.events.ticket.Priority;
import io.switchboard.routing.Routing;
import io.switchboard.routing.agent.Languages;
import io.switchboard.routing.queue.PlacementRule;
import io.switchboard.routing.queue.Queue;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Seeds the configured queues and rules, each once (recorded in seed_applied, in the same
 * transaction, so replicas starting together seed once): afterwards the API is the source of truth
 * and a rule an admin deleted stays deleted. Refuses to start when the default or escalation queue
 * does not exist, rather than failing on the first ticket.
 */
@Singleton
public class Seeder {

    private static final Logger LOG = Logger.getLogger(Seeder.class);

    @Inject
    RoutingConfig config;

    @Inject
    Routing routing;

    void onStart(@Observes StartupEvent start) {
        seed().await().atMost(Duration.ofMinutes(1));
        Map<String, Queue> queues = routing.transactions().read(c -> routing.queues().all(c)).await().atMost(Duration.ofSeconds(30));
        for (String required : List.of(config.defaultQueue(), config.escalation().queue())) {
            if (!queues.containsKey(required)) {
                throw new IllegalStateException("routing: queue '" + required + "' is configured but does not exist");
            }
        }
        Queue escalation = queues.get(config.escalation().queue());
        if (!escalation.team().equals(config.escalation().team())) {
            throw new IllegalStateException("routing: the escalation queue must belong to the team routing.escalation.team");
        }
    }

    Uni<Void> seed() {
        return routing.transactions().inTransaction(connection -> seedQueues(connection)
                .flatMap(ignored -> seedRules(connection)));
    }

    private Uni<Void> seedQueues(SqlConnection connection) {
        List<Map.Entry<String, RoutingConfig.QueueSeed>> seeds = List.copyOf(config.queues().entrySet());
        // Overflow targets are foreign keys: create every queue first, then point them at each other.
        return Multi.createFrom().iterable(seeds)
                .onItem().transformToUniAndConcatenate(e -> firstTime(connection, "queue:" + e.getKey())
                        .flatMap(first -> first ? routing.queues().upsert(connection, queue(e.getKey(), e.getValue(), false))
                                .replaceWith(e) : Uni.createFrom().nullItem()))
                .filter(e -> e != null)
                .collect().asList()
                .flatMap(created -> Multi.createFrom().iterable(created)
                        .onItem().transformToUniAndConcatenate(e -> routing.queues().upsert(connection,
                                queue(e.getKey(), e.getValue(), true)))
                        .collect().asList())
                .invoke(created -> {
                    if (!created.isEmpty()) {
                        LOG.infof("Seeded %d queue(s) from configuration", created.size());
                    }
                })
                .replaceWithVoid();
    }

    private Uni<Void> seedRules(SqlConnection connection) {
        return Multi.createFrom().iterable(config.rules().entrySet())
                .onItem().transformToUniAndConcatenate(e -> firstTime(connection, "rule:" + e.getKey())
                        .flatMap(first -> first ? routing.rules().upsert(connection, rule(e.getKey(), e.getValue()))
                                .replaceWith(true) : Uni.createFrom().item(false)))
                .collect().asList()
                .invoke(results -> {
                    long seeded = results.stream().filter(Boolean::booleanValue).count();
                    if (seeded > 0) {
                        LOG.infof("Seeded %d placement rule(s) from configuration", seeded);
                    }
                })
                .replaceWithVoid();
    }

    private static Uni<Boolean> firstTime(SqlConnection connection, String key) {
        return connection.preparedQuery("insert into seed_applied (seed_key) values ($1) on conflict do nothing")
                .execute(Tuple.of(key)).map(rows -> rows.rowCount() == 1);
    }

    private static Queue queue(String id, RoutingConfig.QueueSeed seed, boolean withOverflow) {
        return new Queue(id, seed.name().orElse(id), seed.team(), Set.copyOf(seed.skills().orElse(List.of())),
                seed.teamDefault(), withOverflow ? seed.overflowTo().orElse(null) : null,
                withOverflow && seed.overflowTo().isPresent() ? seed.overflowAfter().orElse(Duration.ofMinutes(15)) : null);
    }

    /** Seeded rules get a stable id from their key, so the same configuration names the same rule everywhere. */
    static PlacementRule rule(String key, RoutingConfig.RuleSeed seed) {
        UUID id = UUID.nameUUIDFromBytes(("switchboard.routing.rule:" + key).getBytes(StandardCharsets.UTF_8));
        return new PlacementRule(id, seed.position(), seed.name().orElse(key), seed.queue(),
                parse(seed.channels(), Channel::valueOf), Languages.primaries(seed.languages().orElse(List.of())),
                parse(seed.intents(), Intent::valueOf), Set.copyOf(seed.tags().orElse(List.of())),
                parse(seed.priorities(), Priority::valueOf), true);
    }

    private static <E> Set<E> parse(java.util.Optional<List<String>> names, java.util.function.Function<String, E> parse) {
        return names.orElse(List.of()).stream().map(n -> parse.apply(n.strip().toUpperCase(Locale.ROOT)))
                .collect(Collectors.toSet());
    }
}
