package io.switchboard.routing.infra.db;

import java.time.Duration;
import java.util.Set;
import java.util.function.Function;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.pgclient.PgException;

/**
 * Runs work in one database transaction and starts it again, from scratch, when PostgreSQL aborted it
 * for a deadlock or a serialization failure, or the work found its locks no longer cover what it
 * touches ({@link RetryableConflict}). The work must do everything inside the transaction (the
 * processed-event mark included), so a retry repeats it exactly once more.
 */
public final class Transactions {

    /** serialization_failure, deadlock_detected, lock_not_available, unique_violation is not retried. */
    private static final Set<String> RETRYABLE_STATES = Set.of("40001", "40P01", "55P03");
    private static final int MAX_ATTEMPTS = 30;

    private final Pool pool;

    public Transactions(Pool pool) {
        this.pool = pool;
    }

    public <T> Uni<T> inTransaction(Function<SqlConnection, Uni<T>> work) {
        return Uni.createFrom().deferred(() -> pool.withTransaction(work))
                .onFailure(Transactions::isRetryable)
                .retry().withBackOff(Duration.ofMillis(2), Duration.ofMillis(100)).withJitter(0.5).atMost(MAX_ATTEMPTS);
    }

    /** Reads that must agree with each other (an agent's load and the tickets it is made of): one snapshot. */
    public <T> Uni<T> snapshot(Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(connection -> connection
                .query("set transaction isolation level repeatable read, read only").execute()
                .flatMap(ignored -> work.apply(connection)));
    }

    /** Without retry, for reads. */
    public <T> Uni<T> read(Function<SqlConnection, Uni<T>> work) {
        return pool.withConnection(work);
    }

    public static boolean isRetryable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RetryableConflict) {
                return true;
            }
            if (t instanceof PgException pg && RETRYABLE_STATES.contains(pg.getSqlState())) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
