package io.switchboard.routing.infra.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Queue depth ({@code routing_queue_depth}) and the oldest wait ({@code routing_queue_oldest_wait_seconds})
 * per queue, read from the database every few seconds: the queues are shared by all replicas, so
 * every replica reports the same, whole numbers.
 */
@ApplicationScoped
public class QueueGauges {

    private record Snapshot(long depth, Instant oldest) {
    }

    @Inject
    MeterRegistry registry;

    @Inject
    Pool pool;

    private final Map<String, Snapshot> snapshots = new ConcurrentHashMap<>();

    @Scheduled(every = "${routing.metrics.queue-refresh:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return pool.query("select q.id, count(t.ticket_id) as depth, min(t.queued_at) as oldest from queue q"
                + " left join routed_ticket t on t.queue_id = q.id and t.status = 'WAITING' group by q.id")
                .execute()
                .invoke(rows -> rows.forEach(row -> {
                    String queue = row.getString("id");
                    var oldest = row.getOffsetDateTime("oldest");
                    if (snapshots.put(queue, new Snapshot(row.getLong("depth"), oldest == null ? null : oldest.toInstant())) == null) {
                        register(queue);
                    }
                }))
                .replaceWithVoid()
                .onFailure().recoverWithNull();
    }

    private void register(String queue) {
        Gauge.builder("routing.queue.depth", snapshots, s -> s.get(queue).depth())
                .description("Tickets waiting in the queue").tag("queue", queue).register(registry);
        Gauge.builder("routing.queue.oldest.wait", snapshots, s -> oldestWaitSeconds(s.get(queue)))
                .description("How long the longest-waiting ticket of the queue has waited").baseUnit("seconds")
                .tag("queue", queue).register(registry);
    }

    private static double oldestWaitSeconds(Snapshot snapshot) {
        if (snapshot.oldest() == null) {
            return 0;
        }
        return Math.max(0, Duration.between(snapshot.oldest(), Instant.now()).toMillis() / 1000.0);
    }
}
