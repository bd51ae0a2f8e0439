package io.mailroom.bench;

import java.util.Arrays;

/** p50 and p99 (nearest-rank) of a set of latencies in nanoseconds; NaN when there were no samples. */
record Percentiles(int count, double p50Nanos, double p99Nanos) {

    static Percentiles of(long[] nanos) {
        if (nanos.length == 0) {
            return new Percentiles(0, Double.NaN, Double.NaN);
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Percentiles(sorted.length, rank(sorted, 0.50), rank(sorted, 0.99));
    }

    private static double rank(long[] sorted, double q) {
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    double p50Millis() {
        return p50Nanos / 1e6;
    }

    double p99Millis() {
        return p99Nanos / 1e6;
    }
}
