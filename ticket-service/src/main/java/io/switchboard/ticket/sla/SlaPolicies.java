package io.switchboard.ticket.sla;

import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;

import io.switchboard.events.ticket.Priority;
import io.switchboard.events.ticket.SlaClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The configured policy of each priority and the calendar its budgets count in. */
@ApplicationScoped
public class SlaPolicies {

    private final SlaConfig config;
    private final BusinessCalendar businessHours;

    @Inject
    public SlaPolicies(SlaConfig config) {
        this.config = config;
        SlaConfig.Calendar calendar = config.calendar();
        this.businessHours = new BusinessCalendar(calendar.zone(), calendar.days(), calendar.opens(), calendar.closes(),
                new HashSet<>(calendar.holidays().orElse(java.util.List.of())));
        for (Priority priority : Priority.values()) {
            policy(priority); // fail at start-up, not on the first ticket
        }
        if (!(config.warningAt() > 0 && config.warningAt() < 1)) {
            throw new IllegalArgumentException("switchboard.sla.warning-at must be between 0 and 1, was " + config.warningAt());
        }
    }

    public SlaConfig.Policy policy(Priority priority) {
        SlaConfig.Policy policy = config.policies().get(priority.name().toLowerCase(Locale.ROOT));
        if (policy == null) {
            throw new IllegalStateException("no SLA policy for priority " + priority
                    + " (switchboard.sla.policies." + priority.name().toLowerCase(Locale.ROOT) + ".*)");
        }
        return policy;
    }

    public Duration budget(Priority priority, SlaClock clock) {
        SlaConfig.Policy policy = policy(priority);
        return switch (clock) {
            case FIRST_RESPONSE -> policy.firstResponse();
            case NEXT_RESPONSE -> policy.nextResponse();
            case RESOLUTION -> policy.resolution();
        };
    }

    public BusinessCalendar calendar(boolean aroundTheClock) {
        return aroundTheClock ? BusinessCalendar.aroundTheClock() : businessHours;
    }

    public double warningAt() {
        return config.warningAt();
    }
}
