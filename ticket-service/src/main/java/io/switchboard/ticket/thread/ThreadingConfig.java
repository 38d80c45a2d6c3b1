package io.switchboard.ticket.thread;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.switchboard.events.Channel;

/** How mentions are threaded into tickets ({@code switchboard.threading.*}). */
@ConfigMapping(prefix = "switchboard.threading")
public interface ThreadingConfig {

    /**
     * A customer's new post (not a reply in a known conversation) joins their active ticket on the
     * same channel if that ticket last heard from them within this window.
     */
    @WithDefault("PT24H")
    Duration joinWindow();

    /** A customer's message on a resolved ticket reopens it within this period; later it opens a new, linked ticket. */
    @WithDefault("P7D")
    Duration reopenPeriod();

    /** The team a new ticket goes to when no brand rule names one. */
    @WithDefault("customer-care")
    String defaultTeam();

    /** Team by brand account addressed (e.g. {@code switchboard.threading.team-by-brand."acme_tech"=tech-support}). */
    Map<String, String> teamByBrand();

    /** Overrides of triage's "not actionable" verdict: such mentions are ticketed anyway. Spam never is. */
    TicketAnyway ticketAnyway();

    interface TicketAnyway {
        /** Every mention on these channels is ticketed (e.g. ASK_US: someone filled in a form). */
        Optional<Set<Channel>> channels();

        /** A mention containing one of these words (case-insensitive) is ticketed. */
        Optional<List<String>> keywords();
    }
}
