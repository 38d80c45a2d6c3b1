package io.switchboard.routing.infra.outbox;

import java.util.concurrent.atomic.AtomicBoolean;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.Topics;
import io.switchboard.routing.infra.config.RoutingConfig;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * This replica's relay of the outbox to routing-decisions ({@link OutboxBatches} does the work):
 * woken by every committed decision, polled as a safety net, and purging what was published long ago.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    Pool pool;

    @Inject
    RoutingConfig config;

    @Inject
    DecisionPublisher publisher;

    private OutboxBatches batches;
    private volatile boolean started;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean wokenWhileRunning = new AtomicBoolean();

    @PostConstruct
    void init() {
        batches = new OutboxBatches(pool, Topics.ROUTING_DECISIONS, config.outbox().batchSize(), publisher::publish);
    }

    /** Messaging is wired before ordinary startup observers run; relaying starts then. */
    void start(@Observes StartupEvent event) {
        started = true;
        wake();
    }

    /** A decision was committed: publish it now rather than at the next poll. */
    public void wake() {
        drain().subscribe().with(ignored -> {
        }, failure -> LOG.warnf("Outbox relay failed: %s (retried at the next poll)", failure.getClass().getSimpleName()));
    }

    @Scheduled(every = "${routing.outbox.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        return drain().onFailure().recoverWithItem(failure -> {
            LOG.warnf("Outbox relay failed: %s", failure.getClass().getSimpleName());
            return null;
        });
    }

    @Scheduled(every = "1h", delayed = "1m")
    Uni<Void> purge() {
        return pool.preparedQuery("delete from outbox where published_at < now() - make_interval(secs => $1)")
                .execute(Tuple.of((double) config.outbox().retention().toSeconds()))
                .replaceWithVoid()
                .onFailure().recoverWithNull();
    }

    /** One drain at a time in this replica; a wake-up during one runs another after it. */
    Uni<Void> drain() {
        if (!started) {
            return Uni.createFrom().voidItem();
        }
        if (!running.compareAndSet(false, true)) {
            wokenWhileRunning.set(true);
            return Uni.createFrom().voidItem();
        }
        wokenWhileRunning.set(false);
        return batches.drain()
                .onTermination().invoke(() -> running.set(false))
                .flatMap(ignored -> wokenWhileRunning.getAndSet(false) ? drain() : Uni.createFrom().voidItem());
    }
}
