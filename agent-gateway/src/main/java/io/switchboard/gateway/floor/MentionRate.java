package io.switchboard.gateway.floor;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Customer mentions per minute by channel and sentiment, over the last hour, for the supervisors'
 * live chart. Counted from the customer messages on ticket-events as this instance sees them (every
 * instance sees every event, so all agree); it starts empty when the instance starts.
 */
@ApplicationScoped
public class MentionRate {

    static final int MINUTES_KEPT = 60;

    /** One line of the chart: a channel and a sentiment, with a count per minute (oldest first). */
    public record Series(String channel, String sentiment, List<Integer> counts) {
    }

    /** The chart: the minutes (start of each, oldest first) and one series per channel and sentiment seen. */
    public record Chart(List<Instant> minutes, List<Series> series) {
    }

    private final Clock clock;
    /** minute start → "CHANNEL|SENTIMENT" → count */
    private final TreeMap<Instant, Map<String, Integer>> buckets = new TreeMap<>();

    @Inject
    public MentionRate(Clock clock) {
        this.clock = clock;
    }

    public synchronized void record(Instant at, String channel, String sentiment) {
        Instant minute = at.truncatedTo(ChronoUnit.MINUTES);
        Instant oldest = oldestKept();
        if (minute.isBefore(oldest)) {
            return;
        }
        buckets.computeIfAbsent(minute, m -> new TreeMap<>())
                .merge(key(channel, sentiment), 1, Integer::sum);
        buckets.headMap(oldest).clear();
    }

    /** The last {@code minutes} minutes up to the current one. */
    public synchronized Chart chart(int minutes) {
        int span = Math.max(1, Math.min(minutes, MINUTES_KEPT));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        List<Instant> axis = new ArrayList<>(span);
        for (int i = span - 1; i >= 0; i--) {
            axis.add(now.minus(i, ChronoUnit.MINUTES));
        }
        Map<String, List<Integer>> lines = new TreeMap<>();
        for (int i = 0; i < axis.size(); i++) {
            Map<String, Integer> counts = buckets.getOrDefault(axis.get(i), Map.of());
            for (Map.Entry<String, Integer> count : counts.entrySet()) {
                List<Integer> line = lines.computeIfAbsent(count.getKey(), k -> new ArrayList<>(zeros(axis.size())));
                line.set(i, count.getValue());
            }
        }
        List<Series> series = lines.entrySet().stream().map(e -> {
            String[] parts = e.getKey().split("\\|", 2);
            return new Series(parts[0], parts[1], List.copyOf(e.getValue()));
        }).toList();
        return new Chart(List.copyOf(axis), series);
    }

    private Instant oldestKept() {
        return clock.instant().truncatedTo(ChronoUnit.MINUTES).minus(MINUTES_KEPT - 1L, ChronoUnit.MINUTES);
    }

    private static String key(String channel, String sentiment) {
        return (channel == null ? "UNKNOWN" : channel) + "|" + (sentiment == null ? "UNKNOWN" : sentiment);
    }

    private static List<Integer> zeros(int n) {
        List<Integer> zeros = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            zeros.add(0);
        }
        return zeros;
    }
}
