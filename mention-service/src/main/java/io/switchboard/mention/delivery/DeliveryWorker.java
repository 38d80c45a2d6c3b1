package io.switchboard.mention.delivery;

import java.time.Clock;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.switchboard.mention.infra.MentionMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Runs the deliveries on a worker thread, on a timer: every replica claims its own (skip locked),
 * and one that died mid-call leaves in-doubt rows the others check when its lease expires.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

    @Inject
    DeliveryRepository repository;

    @Inject
    ReplyConnectors connectors;

    @Inject
    DeliveryPolicy policy;

    @Inject
    MentionMetrics metrics;

    private volatile boolean paused;
    private DeliveryProcessor processor;

    /** Holds deliveries (a platform incident, a test staging a crash); in-flight calls finish. */
    public void pause() {
        paused = true;
    }

    public void resume() {
        paused = false;
    }

    public DeliveryProcessor processor() {
        if (processor == null) {
            processor = new DeliveryProcessor(repository, connectors, policy, metrics, Clock.systemUTC());
        }
        return processor;
    }

    @Scheduled(every = "${switchboard.delivery.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deliverDue() {
        try {
            for (int i = 0; i < 100 && !paused && processor().runOnce(); i++) {
                // one claim at a time, until none is due (bounded so a tick cannot run forever)
            }
        } catch (RuntimeException e) {
            // The database is unreachable or similar: claimed rows become in doubt and are checked later.
            LOG.warnf("Delivery pass stopped: %s", e.getClass().getSimpleName());
        }
    }
}
