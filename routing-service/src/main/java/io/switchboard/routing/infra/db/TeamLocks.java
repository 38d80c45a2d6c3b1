package io.switchboard.routing.infra.db;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * One transaction-scoped advisory lock per team. Every routing transaction that can add a waiting
 * ticket to a team, or give capacity to one of its agents, holds the team's lock and dispatches the
 * team before it commits; so two replicas can never each miss the other's change ("nobody free" seen
 * by one while the other frees an agent without seeing the new ticket).
 *
 * <p>Locks are taken in the order of their keys, always before any row lock, which keeps lock
 * waits between single-decision transactions free of cycles. A transaction of several consumed
 * events (routing's ticket-events batches) takes each event's teams as it reaches it, so it can
 * meet another transaction in a cycle; PostgreSQL then aborts one of them (deadlock_detected) and
 * {@link Transactions} runs it again from the start.
 */
public final class TeamLocks {

    private TeamLocks() {
    }

    /** Locks the teams and returns the transaction's {@code now()}, which every decision in it uses. */
    public static Uni<Instant> lock(SqlConnection connection, Collection<String> teams) {
        return lockOnly(connection, teams).flatMap(ignored -> now(connection));
    }

    /** Locks the teams (in key order), nothing else. */
    public static Uni<Void> lockOnly(SqlConnection connection, Collection<String> teams) {
        long[] keys = teams.stream().mapToLong(TeamLocks::key).distinct().sorted().toArray();
        if (keys.length == 0) {
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom().range(0, keys.length)
                .onItem().transformToUniAndConcatenate(i -> connection
                        .preparedQuery("select pg_advisory_xact_lock($1)").execute(Tuple.of(keys[i])))
                .collect().last()
                .replaceWithVoid();
    }

    /** The transaction's {@code now()}: when it began, whatever it waited for since. */
    public static Uni<Instant> now(SqlConnection connection) {
        return connection.query("select now() as now").execute()
                .map(rows -> rows.iterator().next().getOffsetDateTime("now").toInstant());
    }

    /** A stable 64-bit key for the team (hash collisions only serialise two teams, never break anything); public for tests that hold a team. */
    public static long key(String team) {
        return UUID.nameUUIDFromBytes(("switchboard.routing.team:" + team).getBytes(StandardCharsets.UTF_8))
                .getMostSignificantBits();
    }
}
