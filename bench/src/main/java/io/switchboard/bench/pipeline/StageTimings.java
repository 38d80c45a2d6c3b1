package io.switchboard.bench.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.switchboard.bench.report.Latencies;

/**
 * Joins what the driver had accepted with what the watcher and the agents saw, per mention, once
 * the pipeline has drained: the latency of each stage from acceptance (and of each hop), and each
 * stage's throughput over the measured window.
 */
public record StageTimings(Map<String, Stage> fromAccepted, Map<String, Latencies> hops, Counts counts) {

    static final String HOP_TICKETING = "published -> ticketed (ticket-service)";
    static final String HOP_ROUTING = "ticketed -> assigned (routing-service)";
    static final String HOP_PUSH = "assigned -> pushed (agent-gateway)";

    /** A stage reached by {@code count} mentions, at {@code perSecond} from the window's start to the last one. */
    public record Stage(long count, double perSecond, Latencies latency) {
    }

    /** How many measured mentions reached where. */
    public record Counts(long accepted, long published, long actionable, long notActionable, long ticketed, long assigned,
            long pushed, long actionableNotTicketed, long ticketedNotAssigned, long assignedNotPushed) {
    }

    /**
     * Waits until every accepted mention that triage found actionable has been pushed to an agent,
     * or until nothing new has happened for {@code quiet}, but no longer than {@code limit}.
     */
    public static void awaitDrained(MentionDriver driver, EventWatcher watcher, Map<UUID, Long> pushedAt, Duration quiet,
            Duration limit) throws InterruptedException {
        long start = System.nanoTime();
        long quietSince = start;
        long lastProgress = -1;
        while (System.nanoTime() - start < limit.toNanos()) {
            long progress = watcher.publishedAt.size() + watcher.ticketedAt.size() + watcher.assignedAt.size() + pushedAt.size();
            long expected = driver.acceptedAt().keySet().stream().filter(e -> Boolean.TRUE.equals(watcher.actionable.get(e))).count();
            long pushed = driver.acceptedAt().keySet().stream().map(e -> ticketOf(watcher, e)).filter(t -> t != null && pushedAt.containsKey(t)).count();
            if (watcher.publishedAt.keySet().containsAll(driver.acceptedAt().keySet()) && pushed >= expected) {
                return;
            }
            if (progress != lastProgress) {
                lastProgress = progress;
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > quiet.toNanos()) {
                return;
            }
            Thread.sleep(500);
        }
    }

    private static UUID ticketOf(EventWatcher watcher, String externalId) {
        return watcher.ticketOf.get(externalId);
    }

    public static StageTimings of(MentionDriver driver, EventWatcher watcher, Map<UUID, Long> pushedAt, long windowStart) {
        Map<String, Long> accepted = Map.copyOf(driver.acceptedAt());
        List<Long> toPublished = new ArrayList<>();
        List<Long> toTicketed = new ArrayList<>();
        List<Long> toAssigned = new ArrayList<>();
        List<Long> toPushed = new ArrayList<>();
        List<Long> publishedToTicketed = new ArrayList<>();
        List<Long> ticketedToAssigned = new ArrayList<>();
        List<Long> assignedToPushed = new ArrayList<>();
        Map<String, Long> last = new HashMap<>();
        long actionable = 0;
        long notActionable = 0;
        long actionableNotTicketed = 0;
        long ticketedNotAssigned = 0;
        long assignedNotPushed = 0;
        for (Map.Entry<String, Long> mention : accepted.entrySet()) {
            long a = mention.getValue();
            Long p = watcher.publishedAt.get(mention.getKey());
            Boolean verdict = watcher.actionable.get(mention.getKey());
            Long t = watcher.ticketedAt.get(mention.getKey());
            UUID ticket = watcher.ticketOf.get(mention.getKey());
            Long s = ticket == null ? null : watcher.assignedAt.get(ticket);
            Long u = ticket == null ? null : pushedAt.get(ticket);
            if (Boolean.TRUE.equals(verdict)) {
                actionable++;
            } else if (Boolean.FALSE.equals(verdict)) {
                notActionable++;
            }
            if (Boolean.TRUE.equals(verdict) && t == null) {
                actionableNotTicketed++;
            }
            if (t != null && s == null) {
                ticketedNotAssigned++;
            }
            if (s != null && u == null) {
                assignedNotPushed++;
            }
            add(toPublished, last, "published", a, p);
            add(toTicketed, last, "ticketed", a, t);
            add(toAssigned, last, "assigned", a, s);
            add(toPushed, last, "pushed", a, u);
            add(publishedToTicketed, null, null, p, t);
            add(ticketedToAssigned, null, null, t, s);
            add(assignedToPushed, null, null, s, u);
        }
        last.put("accepted", accepted.values().stream().mapToLong(Long::longValue).max().orElse(windowStart));
        Map<String, Stage> stages = new LinkedHashMap<>();
        stages.put("accepted (webhook 202; latency: its answer)", stage(accepted.size(), last.get("accepted"), windowStart,
                List.copyOf(driver.answerMicros).stream().map(micros -> micros * 1000).toList()));
        stages.put("-> published on mentions", stage(toPublished.size(), last.get("published"), windowStart, toPublished));
        stages.put("-> ticketed (MessageAdded)", stage(toTicketed.size(), last.get("ticketed"), windowStart, toTicketed));
        stages.put("-> assigned (AssignmentDecided)", stage(toAssigned.size(), last.get("assigned"), windowStart, toAssigned));
        stages.put("-> pushed to the agent's WebSocket", stage(toPushed.size(), last.get("pushed"), windowStart, toPushed));
        Map<String, Latencies> hops = new LinkedHashMap<>();
        hops.put(HOP_TICKETING, Latencies.of(micros(publishedToTicketed)));
        hops.put(HOP_ROUTING, Latencies.of(micros(ticketedToAssigned)));
        hops.put(HOP_PUSH, Latencies.of(micros(assignedToPushed)));
        Counts counts = new Counts(accepted.size(), toPublished.size(), actionable, notActionable, toTicketed.size(),
                toAssigned.size(), toPushed.size(), actionableNotTicketed, ticketedNotAssigned, assignedNotPushed);
        return new StageTimings(stages, hops, counts);
    }

    /** The hop where a mention spends most of its time (by p50), with mention-service's share (accepted to published) counted as one. */
    public String slowestHop() {
        Map<String, Double> p50 = new LinkedHashMap<>();
        fromAccepted.entrySet().stream().skip(1).findFirst()
                .ifPresent(published -> p50.put("accepted -> published (mention-service)", published.getValue().latency().p50()));
        hops.forEach((hop, latency) -> p50.put(hop, latency.p50()));
        return p50.entrySet().stream().max(Map.Entry.comparingByValue())
                .map(e -> String.format(java.util.Locale.ROOT, "%s, p50 %.0f ms", e.getKey(), e.getValue())).orElse("none");
    }

    private static void add(List<Long> into, Map<String, Long> last, String stage, Long from, Long to) {
        if (from == null || to == null) {
            return;
        }
        into.add(to - from);
        if (last != null) {
            last.merge(stage, to, Math::max);
        }
    }

    private static Stage stage(long count, Long lastNanos, long windowStart, List<Long> nanos) {
        double seconds = lastNanos == null ? 0 : (lastNanos - windowStart) / 1e9;
        return new Stage(count, seconds <= 0 ? 0 : count / seconds, Latencies.of(micros(nanos)));
    }

    private static long[] micros(List<Long> nanos) {
        return nanos.stream().mapToLong(n -> n / 1000).toArray();
    }
}
