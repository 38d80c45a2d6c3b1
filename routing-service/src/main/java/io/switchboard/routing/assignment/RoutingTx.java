package io.switchboard.routing.assignment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import io.switchboard.events.SwitchboardEvent;
import io.switchboard.events.ticket.Priority;
import io.switchboard.routing.infra.db.RetryableConflict;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * One routing transaction: its connection, the teams it holds the locks of, its {@code now()}, and
 * the decisions it makes (written to the outbox before it commits).
 */
public final class RoutingTx {

    /** A ticket this transaction put in a queue; if dispatch leaves it there, TicketQueued says so. */
    public record Enqueued(UUID ticketId, String queueId, String language, Priority priority, boolean requeued) {
    }

    private final SqlConnection connection;
    private final Instant now;
    private final Set<String> lockedTeams = new TreeSet<>();
    private final List<SwitchboardEvent> events = new ArrayList<>();
    private final List<Instant> firstAssignmentsOpenedAt = new ArrayList<>();
    private final List<Enqueued> enqueued = new ArrayList<>();

    public RoutingTx(SqlConnection connection, Instant now, Collection<String> lockedTeams) {
        this.connection = connection;
        this.now = now;
        this.lockedTeams.addAll(lockedTeams);
    }

    public SqlConnection connection() {
        return connection;
    }

    public Instant now() {
        return now;
    }

    public Set<String> lockedTeams() {
        return Collections.unmodifiableSet(lockedTeams);
    }

    /**
     * The teams of {@code teams} this transaction does not hold yet, now counted as held: the caller
     * locks them before it touches anything of theirs (a transaction of several consumed events
     * takes each event's teams as it comes to it).
     */
    Set<String> alsoLocking(Collection<String> teams) {
        Set<String> missing = new TreeSet<>(teams);
        missing.removeAll(lockedTeams);
        lockedTeams.addAll(missing);
        return missing;
    }

    /** Fails the attempt (it is retried with fresh locks) when a team it must hold is not locked. */
    public void requireLocked(Collection<String> teams) {
        if (!lockedTeams.containsAll(teams)) {
            throw new RetryableConflict("teams changed under the transaction");
        }
    }

    public void emit(SwitchboardEvent event) {
        events.add(event);
    }

    /** A ticket got its first assignee in this transaction; the metric is taken at commit. */
    public void firstAssignment(Instant openedAt) {
        firstAssignmentsOpenedAt.add(openedAt);
    }

    public void enqueued(Enqueued ticket) {
        enqueued.add(ticket);
    }

    public List<Enqueued> enqueued() {
        return Collections.unmodifiableList(enqueued);
    }

    public List<SwitchboardEvent> events() {
        return Collections.unmodifiableList(events);
    }

    public List<Instant> firstAssignmentsOpenedAt() {
        return Collections.unmodifiableList(firstAssignmentsOpenedAt);
    }
}
