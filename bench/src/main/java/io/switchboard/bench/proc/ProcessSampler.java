package io.switchboard.bench.proc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples CPU time and resident memory of named processes (each with its descendants, so
 * PostgreSQL's backends count with their postmaster) from /proc, once a second, during a run.
 */
public final class ProcessSampler implements AutoCloseable {

    /** Peak resident memory and the CPU used over the sampled window, in cores (1.0 = one core busy all along). */
    public record Usage(String name, long pid, double cpuCores, double cpuSeconds, long peakRssMiB) {
    }

    private static final long CLOCK_TICKS = 100; // USER_HZ on Linux
    private static final long PAGE_KIB = 4;

    private final Map<String, Long> processes;
    private final Map<String, Long> startTicks = new LinkedHashMap<>();
    private final Map<String, Long> peakRssKiB = new LinkedHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "process-sampler");
        thread.setDaemon(true);
        return thread;
    });
    private long startNanos;

    public ProcessSampler(Map<String, Long> processes) {
        this.processes = new LinkedHashMap<>(processes);
    }

    public ProcessSampler start() {
        startNanos = System.nanoTime();
        processes.forEach((name, pid) -> startTicks.put(name, cpuTicks(pid)));
        timer.scheduleAtFixedRate(this::sample, 0, 1, TimeUnit.SECONDS);
        return this;
    }

    public List<Usage> stop() {
        timer.shutdownNow();
        sample();
        double wall = (System.nanoTime() - startNanos) / 1e9;
        List<Usage> usages = new ArrayList<>();
        processes.forEach((name, pid) -> {
            double cpuSeconds = (cpuTicks(pid) - startTicks.getOrDefault(name, 0L)) / (double) CLOCK_TICKS;
            usages.add(new Usage(name, pid, cpuSeconds / wall, cpuSeconds, peakRssKiB.getOrDefault(name, 0L) / 1024));
        });
        return usages;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    private synchronized void sample() {
        processes.forEach((name, pid) -> peakRssKiB.merge(name, rssKiB(pid), Math::max));
    }

    private static List<Long> withDescendants(long pid) {
        List<Long> all = new ArrayList<>();
        ProcessHandle.of(pid).ifPresent(handle -> {
            all.add(pid);
            handle.descendants().forEach(child -> all.add(child.pid()));
        });
        return all;
    }

    private static long cpuTicks(long pid) {
        long ticks = 0;
        for (long each : withDescendants(pid)) {
            String[] fields = statFields(each);
            if (fields.length > 14) {
                ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]); // utime + stime
            }
        }
        return ticks;
    }

    /**
     * Resident memory of a single process; for a process tree (PostgreSQL's postmaster and its
     * backends) the sum of their proportional set sizes, so shared buffers are counted once.
     */
    private static long rssKiB(long pid) {
        List<Long> tree = withDescendants(pid);
        if (tree.size() <= 1) {
            String[] fields = statFields(pid);
            return fields.length > 23 ? Long.parseLong(fields[23]) * PAGE_KIB : 0;
        }
        return tree.stream().mapToLong(ProcessSampler::pssKiB).sum();
    }

    private static long pssKiB(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup")).stream()
                    .filter(line -> line.startsWith("Pss:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                    .findFirst().orElse(0);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The fields of /proc/pid/stat after the command name (which may contain spaces), renumbered from 0 = pid. */
    private static String[] statFields(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            int close = stat.lastIndexOf(')');
            String[] rest = stat.substring(close + 2).split(" ");
            String[] fields = new String[rest.length + 2];
            fields[0] = Long.toString(pid);
            fields[1] = "comm";
            System.arraycopy(rest, 0, fields, 2, rest.length);
            return fields;
        } catch (IOException | RuntimeException e) {
            return new String[0]; // the process ended between listing and reading
        }
    }
}
