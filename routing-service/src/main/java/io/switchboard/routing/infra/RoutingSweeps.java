package io.switchboard.routing.infra;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.switchboard.routing.Routing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The timers of routing: silent agents go offline, overdue tickets overflow. Every replica runs
 * them; each change re-checks its condition under lock, so two replicas sweeping at once do it once.
 */
@ApplicationScoped
public class RoutingSweeps {

    private static final Logger LOG = Logger.getLogger(RoutingSweeps.class);
    private static final int SILENT_AGENTS_PER_SWEEP = 200;

    @Inject
    Routing routing;

    @Scheduled(every = "${routing.presence.sweep-interval:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> silentAgents() {
        return routing.presence().sweepSilent(SILENT_AGENTS_PER_SWEEP)
                .invoke(count -> {
                    if (count > 0) {
                        LOG.infof("Took %d silent agent(s) offline", count);
                    }
                })
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("Heartbeat sweep failed: %s", failure.getClass().getSimpleName());
                    return 0;
                })
                .replaceWithVoid();
    }

    @Scheduled(every = "${routing.overflow.sweep-interval:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> overflow() {
        return routing.overflows().sweep()
                .invoke(count -> {
                    if (count > 0) {
                        LOG.infof("Moved %d overdue ticket(s) to their overflow queues", count);
                    }
                })
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("Overflow sweep failed: %s", failure.getClass().getSimpleName());
                    return 0;
                })
                .replaceWithVoid();
    }
}
