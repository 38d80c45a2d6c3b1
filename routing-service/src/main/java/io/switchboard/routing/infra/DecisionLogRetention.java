package io.switchboard.routing.infra;

import java.time.Instant;
import java.time.ZoneOffset;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.switchboard.routing.infra.config.RoutingConfig;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Keeps the decision log's own tables (agent_change, closed_while_waiting) from growing forever.
 * Routing never reads them to decide anything: they are the audit trail and the replayable log
 * beside the outbox, so what is older than {@code routing.decision-log.retention} goes, except each
 * agent's latest agent_change, which states what the agent is now and is where a replay of the
 * remaining log starts. Deleted in batches, each its own short transaction, so no long lock is held;
 * every replica runs it, and {@code skip locked} keeps two replicas from queueing behind each other.
 */
@ApplicationScoped
public class DecisionLogRetention {

    private static final Logger LOG = Logger.getLogger(DecisionLogRetention.class);

    static final String PURGE_AGENT_CHANGES = "delete from agent_change where seq in (select c.seq from agent_change c"
            + " where c.changed_at < $1 and exists (select 1 from agent_change newer"
            + " where newer.agent_id = c.agent_id and newer.seq > c.seq)"
            + " order by c.changed_at limit $2 for update skip locked)";

    static final String PURGE_CLOSED_WHILE_WAITING = "delete from closed_while_waiting where seq in (select seq"
            + " from closed_while_waiting where closed_at < $1 order by closed_at limit $2 for update skip locked)";

    @Inject
    Pool pool;

    @Inject
    RoutingConfig config;

    @Scheduled(every = "${routing.decision-log.purge-interval:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledPurge() {
        Instant cutoff = Instant.now().minus(config.decisionLog().retention());
        return purge(cutoff, config.decisionLog().batchSize())
                .invoke(count -> {
                    if (count > 0) {
                        LOG.infof("Purged %d decision log entries older than %s", count, cutoff);
                    }
                })
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("Decision log purge failed: %s (retried at the next run)", failure.getClass().getSimpleName());
                    return 0L;
                })
                .replaceWithVoid();
    }

    /** Deletes every entry older than {@code cutoff} that is no longer needed, {@code batchSize} rows at a time. */
    public Uni<Long> purge(Instant cutoff, int batchSize) {
        return inBatches(PURGE_AGENT_CHANGES, cutoff, batchSize, 0)
                .flatMap(agentChanges -> inBatches(PURGE_CLOSED_WHILE_WAITING, cutoff, batchSize, agentChanges));
    }

    private Uni<Long> inBatches(String delete, Instant cutoff, int batchSize, long deletedSoFar) {
        return pool.preparedQuery(delete).execute(Tuple.of(cutoff.atOffset(ZoneOffset.UTC), batchSize))
                .flatMap(rows -> rows.rowCount() < batchSize
                        ? Uni.createFrom().item(deletedSoFar + rows.rowCount())
                        : inBatches(delete, cutoff, batchSize, deletedSoFar + rows.rowCount()));
    }
}
