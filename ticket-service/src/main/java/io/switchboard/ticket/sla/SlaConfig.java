package io.switchboard.ticket.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** SLA policies and the business-hours calendar ({@code switchboard.sla.*}). */
@ConfigMapping(prefix = "switchboard.sla")
public interface SlaConfig {

    /** Share of a clock's budget after which SlaWarning fires (0.8: with a fifth of the time left). */
    @WithDefault("0.8")
    double warningAt();

    /** How often the scanner looks for clocks to warn about or breach. */
    @WithDefault("5s")
    Duration scanEvery();

    /** Clocks claimed per scan and kind. */
    @WithDefault("200")
    int scanBatch();

    Calendar calendar();

    /** By priority name in lower case: {@code switchboard.sla.policies.urgent.first-response=PT30M}. */
    Map<String, Policy> policies();

    interface Calendar {
        @WithDefault("UTC")
        ZoneId zone();

        @WithDefault("MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY")
        Set<DayOfWeek> days();

        @WithDefault("09:00")
        LocalTime opens();

        @WithDefault("17:00")
        LocalTime closes();

        /** Days without business hours (ISO dates). */
        Optional<List<LocalDate>> holidays();
    }

    interface Policy {
        Duration firstResponse();

        Duration nextResponse();

        Duration resolution();

        /** The budget counts every hour, not only business hours (e.g. for urgent tickets). */
        @WithDefault("false")
        boolean aroundTheClock();
    }
}
