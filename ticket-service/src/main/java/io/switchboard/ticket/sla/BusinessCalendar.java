package io.switchboard.ticket.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * Business hours: the days and daily opening hours (in one time zone) during which SLA budgets
 * are used up, minus holidays. An around-the-clock calendar counts every second.
 */
public final class BusinessCalendar {

    /** Past this many days without business hours the configuration is taken to be broken. */
    private static final int MAX_DAYS = 3660;

    private final ZoneId zone;
    private final Set<DayOfWeek> days;
    private final LocalTime opens;
    private final LocalTime closes;
    private final Set<LocalDate> holidays;
    private final boolean aroundTheClock;

    public BusinessCalendar(ZoneId zone, Set<DayOfWeek> days, LocalTime opens, LocalTime closes, Set<LocalDate> holidays) {
        if (!closes.isAfter(opens)) {
            throw new IllegalArgumentException("business hours must close (" + closes + ") after they open (" + opens + ")");
        }
        if (days.isEmpty()) {
            throw new IllegalArgumentException("business hours need at least one working day");
        }
        this.zone = zone;
        this.days = Set.copyOf(days);
        this.opens = opens;
        this.closes = closes;
        this.holidays = Set.copyOf(holidays);
        this.aroundTheClock = false;
    }

    private BusinessCalendar() {
        this.zone = ZoneId.of("UTC");
        this.days = Set.of(DayOfWeek.values());
        this.opens = LocalTime.MIN;
        this.closes = LocalTime.MAX;
        this.holidays = Set.of();
        this.aroundTheClock = true;
    }

    public static BusinessCalendar aroundTheClock() {
        return new BusinessCalendar();
    }

    /** The instant at which {@code budget} of business time has passed since {@code start}. */
    public Instant plus(Instant start, Duration budget) {
        if (budget.isNegative() || budget.isZero()) {
            return start;
        }
        if (aroundTheClock) {
            return start.plus(budget);
        }
        Duration left = budget;
        ZonedDateTime cursor = start.atZone(zone);
        for (int day = 0; day < MAX_DAYS; day++) {
            LocalDate date = cursor.toLocalDate();
            if (isBusinessDay(date)) {
                ZonedDateTime open = date.atTime(opens).atZone(zone);
                ZonedDateTime close = date.atTime(closes).atZone(zone);
                ZonedDateTime from = cursor.isAfter(open) ? cursor : open;
                if (from.isBefore(close)) {
                    Duration available = Duration.between(from, close);
                    if (available.compareTo(left) >= 0) {
                        return from.plus(left).toInstant();
                    }
                    left = left.minus(available);
                }
            }
            cursor = date.plusDays(1).atStartOfDay(zone);
        }
        throw new IllegalStateException("no business hours within " + MAX_DAYS + " days of " + start);
    }

    /** Business time between two instants (zero if {@code to} is not after {@code from}). */
    public Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        if (aroundTheClock) {
            return Duration.between(from, to);
        }
        Duration total = Duration.ZERO;
        ZonedDateTime cursor = from.atZone(zone);
        ZonedDateTime end = to.atZone(zone);
        for (int day = 0; day < MAX_DAYS && cursor.isBefore(end); day++) {
            LocalDate date = cursor.toLocalDate();
            if (isBusinessDay(date)) {
                ZonedDateTime open = date.atTime(opens).atZone(zone);
                ZonedDateTime close = date.atTime(closes).atZone(zone);
                ZonedDateTime a = cursor.isAfter(open) ? cursor : open;
                ZonedDateTime b = end.isBefore(close) ? end : close;
                if (a.isBefore(b)) {
                    total = total.plus(Duration.between(a, b));
                }
            }
            cursor = date.plusDays(1).atStartOfDay(zone);
        }
        return total;
    }

    private boolean isBusinessDay(LocalDate date) {
        return days.contains(date.getDayOfWeek()) && !holidays.contains(date);
    }
}
