package io.switchboard.ticket.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.switchboard.events.ticket.Priority;
import io.switchboard.events.ticket.SlaClock;
import io.switchboard.ticket.infra.persistence.Changes;

/** The clock rules with a fixed policy: 1 h first response for NORMAL in business hours, URGENT around the clock. */
class TicketClocksTest {

    private final SlaPolicies policies = new SlaPolicies(config());
    private final UUID ticket = UUID.randomUUID();
    /** Monday 10:00 UTC. */
    private final Instant monday10 = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void aStartedClockIsDueAfterItsBudgetAndWarnsAtEightyPercent() {
        TicketClocks clocks = new TicketClocks(ticket, List.of(), policies);
        Changes changes = new Changes(monday10);
        TicketClock first = clocks.start(SlaClock.FIRST_RESPONSE, Priority.NORMAL, monday10, changes);
        assertThat(first.dueAt).isEqualTo(monday10.plus(Duration.ofHours(1)));
        assertThat(first.warnAt).isEqualTo(monday10.plus(Duration.ofMinutes(48)));
        assertThat(clocks.start(SlaClock.FIRST_RESPONSE, Priority.NORMAL, monday10.plusSeconds(5), changes))
                .as("a live clock is not restarted").isSameAs(first);
    }

    @Test
    void pendingTheCustomerPausesAndTheAnswerResumesWithTheTimeLeft() {
        TicketClocks clocks = new TicketClocks(ticket, List.of(), policies);
        TicketClock resolution = clocks.start(SlaClock.RESOLUTION, Priority.NORMAL, monday10, new Changes(monday10));
        // 8 h budget; 2 h used, then pending the customer for three days.
        clocks.pause(monday10.plus(Duration.ofHours(2)));
        assertThat(resolution.state()).isEqualTo("PAUSED");
        assertThat(resolution.dueAt).isNull();
        assertThat(resolution.warnAt).isNull();
        assertThat(resolution.usedSeconds).isEqualTo(Duration.ofHours(2).toSeconds());

        Instant thursday10 = Instant.parse("2026-11-26T10:00:00Z");
        clocks.resume(thursday10);
        assertThat(resolution.state()).isEqualTo("RUNNING");
        // 6 h left from Thursday 10:00: Thursday 10-16 (business hours end at 17:00 in the test calendar).
        assertThat(resolution.dueAt).isEqualTo(Instant.parse("2026-11-26T16:00:00Z"));
        // Warning at 80 % of 8 h = 6.4 h; 2 h used, so 4.4 h after resuming.
        assertThat(resolution.warnAt).isEqualTo(thursday10.plus(Duration.ofMinutes(264)));
    }

    @Test
    void stoppingKeepsWhenItWasDueAndEndsTheClock() {
        TicketClocks clocks = new TicketClocks(ticket, List.of(), policies);
        TicketClock first = clocks.start(SlaClock.FIRST_RESPONSE, Priority.NORMAL, monday10, new Changes(monday10));
        clocks.stop(monday10.plus(Duration.ofMinutes(30)), SlaClock.FIRST_RESPONSE, SlaClock.NEXT_RESPONSE);
        assertThat(first.state()).isEqualTo("MET");
        assertThat(first.dueAt).isEqualTo(monday10.plus(Duration.ofHours(1)));
        assertThat(first.warnAt).isNull();
        assertThat(clocks.has(SlaClock.FIRST_RESPONSE)).isFalse();
    }

    @Test
    void aWarningAlreadyFiredIsNotScheduledAgainAfterAResume() {
        TicketClocks clocks = new TicketClocks(ticket, List.of(), policies);
        TicketClock first = clocks.start(SlaClock.FIRST_RESPONSE, Priority.NORMAL, monday10, new Changes(monday10));
        first.warnedAt = monday10.plus(Duration.ofMinutes(48));
        clocks.pause(monday10.plus(Duration.ofMinutes(50)));
        clocks.resume(monday10.plus(Duration.ofHours(3)));
        assertThat(first.warnAt).isNull();
        assertThat(first.dueAt).isEqualTo(monday10.plus(Duration.ofHours(3)).plus(Duration.ofMinutes(10)));
    }

    @Test
    void aNewPriorityBringsItsBudgetAndCalendar() {
        TicketClocks clocks = new TicketClocks(ticket, List.of(), policies);
        Instant fridayEvening = Instant.parse("2026-11-27T16:50:00Z");
        TicketClock first = clocks.start(SlaClock.FIRST_RESPONSE, Priority.NORMAL, fridayEvening, new Changes(fridayEvening));
        assertThat(first.dueAt).as("business hours: Monday").isEqualTo(Instant.parse("2026-11-30T09:50:00Z"));
        clocks.reprioritize(Priority.URGENT);
        assertThat(first.aroundTheClock).isTrue();
        assertThat(first.dueAt).as("urgent: 15 min around the clock").isEqualTo(fridayEvening.plus(Duration.ofMinutes(15)));
    }

    private static SlaConfig config() {
        SlaConfig.Policy normal = policy(Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(8), false);
        SlaConfig.Policy urgent = policy(Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(4), true);
        return new SlaConfig() {
            @Override
            public double warningAt() {
                return 0.8;
            }

            @Override
            public Duration scanEvery() {
                return Duration.ofSeconds(5);
            }

            @Override
            public int scanBatch() {
                return 100;
            }

            @Override
            public Calendar calendar() {
                return new Calendar() {
                    @Override
                    public ZoneId zone() {
                        return ZoneId.of("UTC");
                    }

                    @Override
                    public Set<DayOfWeek> days() {
                        return Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                                DayOfWeek.FRIDAY);
                    }

                    @Override
                    public LocalTime opens() {
                        return LocalTime.of(9, 0);
                    }

                    @Override
                    public LocalTime closes() {
                        return LocalTime.of(17, 0);
                    }

                    @Override
                    public Optional<List<java.time.LocalDate>> holidays() {
                        return Optional.empty();
                    }
                };
            }

            @Override
            public Map<String, Policy> policies() {
                return Map.of("low", normal, "normal", normal, "high", normal, "urgent", urgent);
            }
        };
    }

    private static SlaConfig.Policy policy(Duration first, Duration next, Duration resolution, boolean always) {
        return new SlaConfig.Policy() {
            @Override
            public Duration firstResponse() {
                return first;
            }

            @Override
            public Duration nextResponse() {
                return next;
            }

            @Override
            public Duration resolution() {
                return resolution;
            }

            @Override
            public boolean aroundTheClock() {
                return always;
            }
        };
    }
}
