package io.mailroom.bench;

/**
 * What a closed-loop window measured: counts, the CPU span, per-iteration latency, and the first
 * error seen (null if none), so a broken server is reported rather than silently averaged in.
 */
record LoopOutcome(TallyTotals counts, CpuSpan span, Percentiles latency, String firstError) {

    double iterationsPerSecond() {
        return span.perSecond(counts.iterations());
    }

    double callsPerSecond() {
        return span.perSecond(counts.calls());
    }

    double messagesPerSecond() {
        return span.perSecond(counts.messages());
    }
}
