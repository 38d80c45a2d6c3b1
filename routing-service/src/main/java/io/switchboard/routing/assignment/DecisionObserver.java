package io.switchboard.routing.assignment;

import java.time.Instant;
import java.util.List;

import io.switchboard.events.SwitchboardEvent;

/** Told about every committed routing transaction (metrics, waking the outbox relay). */
public interface DecisionObserver {

    DecisionObserver NONE = (events, firstAssignmentsOpenedAt) -> {
    };

    /**
     * @param events the decisions the transaction wrote to the outbox
     * @param firstAssignmentsOpenedAt when each ticket that got its first assignee had opened
     */
    void committed(List<SwitchboardEvent> events, List<Instant> firstAssignmentsOpenedAt);
}
