package io.switchboard.ticket.outbox;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The relay's safety net: commits nudge the relay at once, this timer catches whatever a nudge
 * missed (rows written by another replica that crashed, a failed round) and prunes sent rows.
 */
@ApplicationScoped
public class OutboxSchedule {

    @Inject
    OutboxRelay relay;

    @Scheduled(every = "${switchboard.outbox.relay-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relay() {
        relay.nudge();
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> prune() {
        return relay.prune().replaceWithVoid();
    }
}
