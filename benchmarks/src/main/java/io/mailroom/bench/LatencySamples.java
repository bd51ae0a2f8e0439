package io.mailroom.bench;

import java.util.Arrays;
import java.util.Collection;

/**
 * Latencies recorded by one thread, in nanoseconds. Exact samples rather than a histogram: a 10 s
 * window on two cores yields at most a few hundred thousand, and exact p99s need no bucket maths.
 * The buffer is capped so a very fast server cannot exhaust the client's heap.
 */
final class LatencySamples {
    private static final int MAX_SAMPLES = 4_000_000;

    private long[] values = new long[16_384];
    private int size;

    void add(long nanos) {
        if (size == values.length) {
            if (size >= MAX_SAMPLES) {
                return;
            }
            values = Arrays.copyOf(values, Math.min(MAX_SAMPLES, size * 2));
        }
        values[size++] = nanos;
    }

    int size() {
        return size;
    }

    static Percentiles merge(Collection<LatencySamples> parts) {
        int total = parts.stream().mapToInt(LatencySamples::size).sum();
        long[] all = new long[total];
        int at = 0;
        for (LatencySamples part : parts) {
            System.arraycopy(part.values, 0, all, at, part.size);
            at += part.size;
        }
        return Percentiles.of(all);
    }

    Percentiles percentiles() {
        return Percentiles.of(Arrays.copyOf(values, size));
    }
}
