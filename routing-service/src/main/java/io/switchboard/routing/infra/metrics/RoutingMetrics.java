package io.switchboard.routing.infra.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.switchboard.events.SwitchboardEvent;
import io.switchboard.events.routing.AssignmentDecided;
import io.switchboard.events.routing.AssignmentReleased;
import io.switchboard.events.routing.TicketQueued;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Decisions per second ({@code routing_decisions_total}, by type and reason: take its rate) and the
 * time from TicketOpened to a ticket's first AssignmentDecided ({@code routing_time_to_assignment_seconds}).
 */
@ApplicationScoped
public class RoutingMetrics {

    @Inject
    MeterRegistry registry;

    public void committed(List<SwitchboardEvent> events, List<Instant> firstAssignmentsOpenedAt) {
        for (SwitchboardEvent event : events) {
            String type;
            String reason;
            if (event instanceof AssignmentDecided decided) {
                type = "assigned";
                reason = decided.reason().name();
            } else if (event instanceof AssignmentReleased released) {
                type = "released";
                reason = released.reason().name();
            } else if (event instanceof TicketQueued queued) {
                type = "queued";
                reason = queued.reason().name();
            } else {
                continue;
            }
            Counter.builder("routing.decisions").description("Routing decisions committed")
                    .tag("type", type).tag("reason", reason).register(registry).increment();
        }
        Instant now = Instant.now();
        Timer timer = Timer.builder("routing.time.to.assignment")
                .description("From TicketOpened (its occurredAt) to the ticket's first AssignmentDecided")
                .publishPercentileHistogram()
                .register(registry);
        for (Instant openedAt : firstAssignmentsOpenedAt) {
            Duration waited = Duration.between(openedAt, now);
            timer.record(waited.isNegative() ? Duration.ZERO : waited);
        }
    }
}
