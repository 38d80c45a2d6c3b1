package io.switchboard.bench.pipeline;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** Joins what the driver sent with what the watcher saw, once the pipeline has drained. */
public record Timings(long accepted, long[] toTicketed, long[] toAssigned, long lastTicketedNanos) {

    /**
     * Waits until every accepted mention is seen as a ticket message, or until nothing new has been
     * seen for the drain time, then takes the latencies (microseconds).
     */
    public static Timings await(MentionDriver driver, EventWatcher watcher, Duration drain) throws InterruptedException {
        int lastSeen = -1;
        long quietSince = System.nanoTime();
        while (watcher.ticketedAt.size() < driver.acceptedAt.size()) {
            int seen = watcher.ticketedAt.size() + watcher.assignedAt.size();
            if (seen != lastSeen) {
                lastSeen = seen;
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > drain.toNanos()) {
                break;
            }
            Thread.sleep(200);
        }
        Thread.sleep(1000); // the assignments of the last tickets
        Map<String, Long> accepted = Map.copyOf(driver.acceptedAt);
        long[] ticketed = accepted.entrySet().stream()
                .filter(e -> watcher.ticketedAt.containsKey(e.getKey()))
                .mapToLong(e -> (watcher.ticketedAt.get(e.getKey()) - e.getValue()) / 1000)
                .toArray();
        long[] assigned = watcher.assignedAt.entrySet().stream()
                .filter(e -> watcher.mentionOfTicket.containsKey(e.getKey()))
                .filter(e -> accepted.containsKey(watcher.mentionOfTicket.get(e.getKey())))
                .mapToLong(e -> (e.getValue() - accepted.get(watcher.mentionOfTicket.get(e.getKey()))) / 1000)
                .toArray();
        long last = watcher.ticketedAt.values().stream().mapToLong(Long::longValue).max().orElse(0);
        return new Timings(accepted.size(), ticketed, assigned, last);
    }

    public double ticketedPerSecond(long startNanos) {
        return lastTicketedNanos <= startNanos ? 0 : toTicketed.length / ((lastTicketedNanos - startNanos) / 1e9);
    }

}
