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
 * waits between routing transactions free of cycles.
 */
public final class TeamLocks {

    private TeamLocks() {
    }

    /** Locks the teams and returns the transaction's {@code now()}, which every decision in it uses. */
    public static Uni<Instant> lock(SqlConnection connection, Collection<String> teams) {
        long[] keys = teams.stream().mapToLong(TeamLocks::key).distinct().sorted().toArray();
        return Multi.createFrom().range(0, keys.length)
                .onItem().transformToUniAndConcatenate(i -> connection
                        .preparedQuery("select pg_advisory_xact_lock($1)").execute(Tuple.of(keys[i])))
                .collect().last()
                .flatMap(ignored -> connection.query("select now() as now").execute())
                .map(rows -> rows.iterator().next().getOffsetDateTime("now").toInstant());
    }

    /** A stable 64-bit key for the team (hash collisions only serialise two teams, never break anything). */
    static long key(String team) {
        return UUID.nameUUIDFromBytes(("switchboard.routing.team:" + team).getBytes(StandardCharsets.UTF_8))
                .getMostSignificantBits();
    }
}
