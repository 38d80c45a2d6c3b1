package io.switchboard.routing.queue;

import java.util.Set;
import java.util.TreeSet;

import io.smallrye.mutiny.Uni;
import io.switchboard.routing.assignment.Decisions;
import io.switchboard.routing.assignment.Decisions.Step;
import io.switchboard.routing.infra.RoutingRejection;

/**
 * Admins create and change queues. A queue's team and skills decide who may serve it, so a change
 * locks the teams concerned and dispatches them, like any other routing change.
 */
public final class QueueAdmin {

    private final Decisions decisions;
    private final QueueStore queues;
    private final String escalationQueueId;
    private final String escalationTeam;

    public QueueAdmin(Decisions decisions, QueueStore queues, String escalationQueueId, String escalationTeam) {
        this.decisions = decisions;
        this.queues = queues;
        this.escalationQueueId = escalationQueueId;
        this.escalationTeam = escalationTeam;
    }

    public Uni<Queue> save(Queue queue) {
        if (queue.id().equals(escalationQueueId) && !queue.team().equals(escalationTeam)) {
            throw RoutingRejection.invalid("the escalation queue belongs to the team " + escalationTeam);
        }
        if (queue.id().equals(queue.overflowQueueId())) {
            throw RoutingRejection.invalid("a queue cannot overflow into itself");
        }
        return decisions.decide(connection -> queues.all(connection).map(all -> {
            if (queue.overflowQueueId() != null && !all.containsKey(queue.overflowQueueId())) {
                throw RoutingRejection.invalid("no queue " + queue.overflowQueueId() + " to overflow into");
            }
            Set<String> teams = new TreeSet<>(Set.of(queue.team()));
            Queue before = all.get(queue.id());
            if (before != null) {
                teams.add(before.team());
            }
            return Step.of(teams, tx -> queues.upsert(tx.connection(), queue).replaceWith(queue));
        }));
    }
}
