package io.switchboard.bench.report;

import java.util.Arrays;

/** Percentiles of a set of latencies in milliseconds. */
public record Latencies(long count, double p50, double p95, double p99, double max) {

    public static Latencies of(long[] micros) {
        if (micros.length == 0) {
            return new Latencies(0, 0, 0, 0, 0);
        }
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        return new Latencies(sorted.length, percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
                sorted[sorted.length - 1] / 1000.0);
    }

    private static double percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1000.0;
    }
}
