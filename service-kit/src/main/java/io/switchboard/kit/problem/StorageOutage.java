package io.switchboard.kit.problem;

import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeoutException;

import io.vertx.core.VertxException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

/**
 * Tells a failure that will pass by itself (the database is down, restarting, out of connections)
 * from one that will not (a bug, a constraint the code did not expect). Only the first kind may be
 * answered with 503 and a Retry-After: a sender that retries a bug would only repeat it.
 *
 * <p>Accepting a post touches PostgreSQL only; Kafka is reached by the outbox relay afterwards, so a
 * broker outage never fails an accepting request and is not a reason here.
 */
public final class StorageOutage {

    /** How deep into the cause chain to look; driver exceptions wrap at most a few levels. */
    private static final int MAX_DEPTH = 8;

    /** The Vert.x SQL pool's failure when no connection became free within its connection timeout. */
    private static final String POOL_ACQUISITION_TIMEOUT = "Timeout waiting for connection";

    private StorageOutage() {
    }

    public static boolean isTemporary(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++, t = t.getCause()) {
            if (isTemporaryItself(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTemporaryItself(Throwable t) {
        if (t instanceof PgException pg) {
            return isTemporarySqlState(pg.getSqlState());
        }
        // Refused, reset, timed out connecting (ConnectException is a SocketException), or closed under us.
        return t instanceof SocketException
                || t instanceof ClosedChannelException
                || t instanceof ClosedConnectionException
                || t instanceof TimeoutException
                || t instanceof ConnectionPoolTooBusyException
                || (t instanceof VertxException && POOL_ACQUISITION_TIMEOUT.equals(t.getMessage()));
    }

    /**
     * Class 08 (connection exception), 57P01-57P03 (admin or crash shutdown, cannot connect now), class
     * 53 (insufficient resources: too many connections, disk full, out of memory).
     */
    static boolean isTemporarySqlState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("53")
                || sqlState.equals("57P01") || sqlState.equals("57P02") || sqlState.equals("57P03"));
    }

    /** For a log line: the kind of failure and its SQLSTATE, never a message (it may quote SQL or data). */
    public static String describe(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++, t = t.getCause()) {
            if (isTemporaryItself(t)) {
                return t.getClass().getSimpleName() + (t instanceof PgException pg ? " " + pg.getSqlState() : "");
            }
        }
        return failure.getClass().getSimpleName();
    }
}
