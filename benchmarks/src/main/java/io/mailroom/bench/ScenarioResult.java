package io.mailroom.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The figures one scenario measured against one server. */
record ScenarioResult(String label, String scenario, List<Metric> metrics, List<String> notes) {

    static Builder builder(String label, String scenario) {
        return new Builder(label, scenario);
    }

    /** Collects metrics in the order they are reported. */
    static final class Builder {
        private final String label;
        private final String scenario;
        private final List<Metric> metrics = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();

        private Builder(String label, String scenario) {
            this.label = label;
            this.scenario = scenario;
        }

        Builder add(String key, double value, String unit) {
            metrics.add(new Metric(key, value, unit));
            return this;
        }

        /** Adds the p50 and p99 of {@code p} in milliseconds, under {@code prefix_p50_ms} and {@code prefix_p99_ms}. */
        Builder latency(String prefix, Percentiles p) {
            return add(prefix + "p50_ms", p.p50Millis(), "ms").add(prefix + "p99_ms", p.p99Millis(), "ms");
        }

        /** Adds server and client CPU microseconds per call over {@code span}. */
        Builder cpu(CpuSpan span, long calls) {
            if (!span.serverBreakdown().isEmpty()) {
                note(span.serverBreakdown());
            }
            return add("server_cpu_us_per_call", span.serverMicrosPer(calls), "us")
                    .add("client_cpu_us_per_call", span.clientMicrosPer(calls), "us");
        }

        /** Adds the error count of a closed loop and, if there were errors, the first one as a note. */
        Builder errors(LoopOutcome out) {
            add("errors", out.counts().errors(), "");
            if (out.firstError() != null) {
                note("first error: " + out.firstError());
            }
            return this;
        }

        Builder note(String text) {
            notes.add(text);
            return this;
        }

        ScenarioResult build() {
            return new ScenarioResult(label, scenario, List.copyOf(metrics), List.copyOf(notes));
        }
    }

    String describe() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-10s %-9s", label, scenario));
        for (Metric m : metrics) {
            out.append(String.format(Locale.ROOT, "  %s=%s", m.key(), Numbers.format(m.value())));
        }
        notes.forEach(n -> out.append(System.lineSeparator()).append("    note: ").append(n));
        return out.toString();
    }
}
