package io.switchboard.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The whole machine while the bench runs: load average, and the CPU busy time of every process on
 * it (from {@code /proc/stat}), so the report can say how much of the machine was someone else's.
 */
public final class MachineLoad {

    /** @param busyCores CPU in use, all processes, averaged over the window (1.0 = one core busy) */
    public record Window(String loadAverageBefore, String loadAverageAfter, double busyCores, int cores) {
    }

    private static final long CLOCK_TICKS = 100; // USER_HZ on Linux

    private final String loadBefore = loadAverage();
    private final long busyBefore = busyTicks();
    private final long startNanos = System.nanoTime();

    public Window stop() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double busy = (busyTicks() - busyBefore) / (double) CLOCK_TICKS / seconds;
        return new Window(loadBefore, loadAverage(), busy, Runtime.getRuntime().availableProcessors());
    }

    public static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Busy jiffies of all CPUs: everything but idle and iowait. */
    private static long busyTicks() {
        try {
            String cpu = Files.readAllLines(Path.of("/proc/stat")).get(0);
            long[] v = Arrays.stream(cpu.trim().split("\\s+")).skip(1).mapToLong(Long::parseLong).toArray();
            long total = Arrays.stream(v).limit(8).sum(); // user nice system idle iowait irq softirq steal
            return total - v[3] - v[4];
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
