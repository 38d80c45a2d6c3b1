package io.switchboard.ticket.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** Monday to Friday, 09:00-17:00 Berlin time, Christmas off. */
    private final BusinessCalendar office = new BusinessCalendar(BERLIN,
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(17, 0),
            Set.of(LocalDate.of(2026, 12, 25)));

    private static Instant berlin(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    @Test
    void timeInsideBusinessHoursCountsAsIs() {
        assertThat(office.plus(berlin("2026-11-23T10:00"), Duration.ofHours(2))).isEqualTo(berlin("2026-11-23T12:00"));
    }

    @Test
    void whatDoesNotFitTodayContinuesAtTheNextOpening() {
        // Monday 16:00 + 4 h: 1 h on Monday, 3 h from Tuesday 09:00.
        assertThat(office.plus(berlin("2026-11-23T16:00"), Duration.ofHours(4))).isEqualTo(berlin("2026-11-24T12:00"));
    }

    @Test
    void aClockStartedAtNightOrOnTheWeekendStartsCountingAtTheNextOpening() {
        assertThat(office.plus(berlin("2026-11-23T22:30"), Duration.ofMinutes(30))).isEqualTo(berlin("2026-11-24T09:30"));
        // Friday 16:30 + 1 h: 30 min on Friday, 30 min on Monday.
        assertThat(office.plus(berlin("2026-11-27T16:30"), Duration.ofHours(1))).isEqualTo(berlin("2026-11-30T09:30"));
        assertThat(office.plus(berlin("2026-11-28T11:00"), Duration.ofHours(1))).isEqualTo(berlin("2026-11-30T10:00"));
    }

    @Test
    void holidaysAreSkipped() {
        // Thursday 24 Dec 16:00 + 2 h: 1 h on Thursday, Christmas Friday off, 1 h on Monday 28th.
        assertThat(office.plus(berlin("2026-12-24T16:00"), Duration.ofHours(2))).isEqualTo(berlin("2026-12-28T10:00"));
    }

    @Test
    void businessTimeBetweenIsTheInverseOfPlus() {
        Instant start = berlin("2026-11-26T15:12");
        for (long minutes : new long[] { 1, 47, 200, 480, 1000, 5000 }) {
            Instant end = office.plus(start, Duration.ofMinutes(minutes));
            assertThat(office.between(start, end)).as("%d minutes", minutes).isEqualTo(Duration.ofMinutes(minutes));
        }
        assertThat(office.between(berlin("2026-11-28T00:00"), berlin("2026-11-29T23:59"))).isZero();
        assertThat(office.between(berlin("2026-11-24T12:00"), berlin("2026-11-24T11:00"))).isZero();
    }

    @Test
    void daylightSavingTimeDoesNotBendBusinessHours() {
        // Berlin moves its clocks on Sunday 29 March 2026; Friday 16:00 + 2 h is still Monday 10:00 local.
        assertThat(office.plus(berlin("2026-03-27T16:00"), Duration.ofHours(2))).isEqualTo(berlin("2026-03-30T10:00"));
    }

    @Test
    void aroundTheClockCountsEverySecond() {
        BusinessCalendar always = BusinessCalendar.aroundTheClock();
        Instant saturdayNight = berlin("2026-11-28T23:00");
        assertThat(always.plus(saturdayNight, Duration.ofMinutes(90))).isEqualTo(saturdayNight.plus(Duration.ofMinutes(90)));
        assertThat(always.between(saturdayNight, saturdayNight.plusSeconds(60))).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aCalendarWithoutHoursIsRefused() {
        assertThatThrownBy(() -> new BusinessCalendar(BERLIN, EnumSet.of(DayOfWeek.MONDAY), LocalTime.of(17, 0),
                LocalTime.of(9, 0), Set.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BusinessCalendar(BERLIN, EnumSet.noneOf(DayOfWeek.class), LocalTime.of(9, 0),
                LocalTime.of(17, 0), Set.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
