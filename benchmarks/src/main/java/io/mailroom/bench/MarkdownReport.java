package io.mailroom.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The table run.sh prints: one column per server, in the order they were measured, and the
 * targets judged for the subject server (Mailroom). The round-trip speed-up over the other server
 * is derived here, since it needs both servers' figures from the same run.
 */
final class MarkdownReport {
    static final String SUBJECT = "mailroom";
    private static final String SPEEDUP_KEY = "roundtrip_speedup";
    private static final String RAW_VS_SEND = "raw_cpu_vs_send";
    private static final String ENV_VS_SEND = "env_cpu_vs_send";
    private static final String ENV_NOSIGN_VS_SEND = "env_cpu_without_signer_vs_send";
    private static final String RAW_GROWTH = "raw_cpu_vs_fanout10";
    private static final String ENV_GROWTH = "env_cpu_vs_fanout10";

    private static final List<ReportRow> ROWS = List.of(
            ReportRow.of("Process start → first served request (ms)", "startup", "startup_ms", Threshold.below(500, "< 500 ms")),
            ReportRow.of("CPU time used until then (ms, all threads)", "startup", "startup_cpu_ms"),
            ReportRow.of("Process start → first SQS answer (ListQueues, ms)", "startup", "first_sqs_ms"),
            ReportRow.of("Idle RSS (MiB)", "startup", "idle_rss_mib", Threshold.below(100, "< 100 MiB")),
            ReportRow.of("send: SendMessage calls/s", "send", "calls_per_s"),
            ReportRow.of("send: call p50 (ms)", "send", "call_p50_ms"),
            ReportRow.of("send: call p99 (ms)", "send", "call_p99_ms"),
            ReportRow.of("send: server CPU µs/call", "send", "server_cpu_us_per_call", Threshold.below(40, "< 40 µs")),
            ReportRow.of("send: client CPU µs/call", "send", "client_cpu_us_per_call"),
            ReportRow.of("roundtrip: round trips/s", "roundtrip", "roundtrips_per_s"),
            ReportRow.of("roundtrip: speed-up over the other server", "roundtrip", SPEEDUP_KEY, Threshold.atLeast(1.5, "≥ 1.5×")),
            ReportRow.of("roundtrip: calls/s", "roundtrip", "calls_per_s"),
            ReportRow.of("roundtrip: p50 (ms, 3 calls)", "roundtrip", "roundtrip_p50_ms"),
            ReportRow.of("roundtrip: p99 (ms, 3 calls)", "roundtrip", "roundtrip_p99_ms"),
            ReportRow.of("roundtrip: server CPU µs/call", "roundtrip", "server_cpu_us_per_call", Threshold.below(40, "< 40 µs")),
            ReportRow.of("roundtrip: client CPU µs/call", "roundtrip", "client_cpu_us_per_call"),
            ReportRow.of("batch: messages/s", "batch", "messages_per_s"),
            ReportRow.of("batch: calls/s", "batch", "calls_per_s"),
            ReportRow.of("batch: cycle p50 (ms, 3 calls)", "batch", "cycle_p50_ms"),
            ReportRow.of("batch: cycle p99 (ms, 3 calls)", "batch", "cycle_p99_ms"),
            ReportRow.of("batch: server CPU µs/call", "batch", "server_cpu_us_per_call", Threshold.below(40, "< 40 µs")),
            ReportRow.of("batch: server CPU µs/message", "batch", "server_cpu_us_per_message"),
            ReportRow.of("longpoll: wake-up p50 (ms)", "longpoll", "wake_p50_ms"),
            ReportRow.of("longpoll: wake-up p99 (ms)", "longpoll", "wake_p99_ms", Threshold.below(2, "< 2 ms")),
            ReportRow.of("longpoll: measured wake-ups", "longpoll", "iterations"),
            ReportRow.of("latency: send→receive p50 (ms)", "latency", "pair_p50_ms", Threshold.below(0.5, "< 0.5 ms")),
            ReportRow.of("latency: send→receive p99 (ms)", "latency", "pair_p99_ms"),
            ReportRow.of("latency: single call p50 (ms)", "latency", "call_p50_ms"),
            ReportRow.of("latency: single call p99 (ms)", "latency", "call_p99_ms"),
            ReportRow.of("latency: server CPU µs/call", "latency", "server_cpu_us_per_call", Threshold.below(40, "< 40 µs")),
            ReportRow.of("fanout1: matching subscriptions (of 1)", "fanout1", "matching"),
            ReportRow.of("fanout1 raw: publishes/s (all deliveries made)", "fanout1", "raw_publishes_per_s"),
            ReportRow.of("fanout1 raw: Publish call p50 (ms)", "fanout1", "raw_publish_p50_ms"),
            ReportRow.of("fanout1 raw: Publish call p99 (ms)", "fanout1", "raw_publish_p99_ms"),
            ReportRow.of("fanout1 raw: server CPU µs/publish", "fanout1", "raw_server_cpu_us_per_publish"),
            ReportRow.of("fanout1 raw: server CPU µs/matching delivery", "fanout1", "raw_server_cpu_us_per_delivery"),
            ReportRow.of("fanout1 enveloped: publishes/s (all deliveries made)", "fanout1", "env_publishes_per_s"),
            ReportRow.of("fanout1 enveloped: Publish call p50 (ms)", "fanout1", "env_publish_p50_ms"),
            ReportRow.of("fanout1 enveloped: Publish call p99 (ms)", "fanout1", "env_publish_p99_ms"),
            ReportRow.of("fanout1 enveloped: server CPU µs/publish", "fanout1", "env_server_cpu_us_per_publish"),
            ReportRow.of("fanout1 enveloped: of which signing thread (µs/publish)", "fanout1", "env_signer_cpu_us_per_publish"),
            ReportRow.of("fanout1 enveloped: server CPU µs/matching delivery", "fanout1", "env_server_cpu_us_per_delivery"),
            ReportRow.of("fanout10: matching subscriptions (of 10)", "fanout10", "matching"),
            ReportRow.of("fanout10 raw: publishes/s (all deliveries made)", "fanout10", "raw_publishes_per_s"),
            ReportRow.of("fanout10 raw: Publish call p50 (ms)", "fanout10", "raw_publish_p50_ms"),
            ReportRow.of("fanout10 raw: Publish call p99 (ms)", "fanout10", "raw_publish_p99_ms"),
            ReportRow.of("fanout10 raw: server CPU µs/publish", "fanout10", "raw_server_cpu_us_per_publish"),
            ReportRow.of("fanout10 raw: server CPU µs/matching delivery", "fanout10", "raw_server_cpu_us_per_delivery"),
            ReportRow.of("fanout10 enveloped: publishes/s (all deliveries made)", "fanout10", "env_publishes_per_s"),
            ReportRow.of("fanout10 enveloped: Publish call p50 (ms)", "fanout10", "env_publish_p50_ms"),
            ReportRow.of("fanout10 enveloped: Publish call p99 (ms)", "fanout10", "env_publish_p99_ms"),
            ReportRow.of("fanout10 enveloped: server CPU µs/publish", "fanout10", "env_server_cpu_us_per_publish"),
            ReportRow.of("fanout10 enveloped: of which signing thread (µs/publish)", "fanout10", "env_signer_cpu_us_per_publish"),
            ReportRow.of("fanout10 enveloped: server CPU µs/matching delivery", "fanout10", "env_server_cpu_us_per_delivery"),
            ReportRow.of("fanout100: matching subscriptions (of 100)", "fanout100", "matching"),
            ReportRow.of("fanout100 raw: publishes/s (all deliveries made)", "fanout100", "raw_publishes_per_s"),
            ReportRow.of("fanout100 raw: Publish call p50 (ms)", "fanout100", "raw_publish_p50_ms"),
            ReportRow.of("fanout100 raw: Publish call p99 (ms)", "fanout100", "raw_publish_p99_ms"),
            ReportRow.of("fanout100 raw: server CPU µs/publish", "fanout100", "raw_server_cpu_us_per_publish"),
            ReportRow.of("fanout100 raw: server CPU µs/matching delivery", "fanout100", "raw_server_cpu_us_per_delivery"),
            ReportRow.of("fanout100 enveloped: publishes/s (all deliveries made)", "fanout100", "env_publishes_per_s"),
            ReportRow.of("fanout100 enveloped: Publish call p50 (ms)", "fanout100", "env_publish_p50_ms"),
            ReportRow.of("fanout100 enveloped: Publish call p99 (ms)", "fanout100", "env_publish_p99_ms"),
            ReportRow.of("fanout100 enveloped: server CPU µs/publish", "fanout100", "env_server_cpu_us_per_publish"),
            ReportRow.of("fanout100 enveloped: of which signing thread (µs/publish)", "fanout100", "env_signer_cpu_us_per_publish"),
            ReportRow.of("fanout100 enveloped: server CPU µs/matching delivery", "fanout100", "env_server_cpu_us_per_delivery"),
            ReportRow.of("fanout10 raw: CPU per publish ÷ send's CPU per call", "fanout10", RAW_VS_SEND, Threshold.below(3, "< 3×")),
            ReportRow.of("fanout10 enveloped: CPU per publish ÷ send's CPU per call", "fanout10", ENV_VS_SEND, Threshold.below(3, "< 3×")),
            ReportRow.of("fanout10 enveloped without the signing thread ÷ send", "fanout10", ENV_NOSIGN_VS_SEND, Threshold.below(3, "< 3×")),
            ReportRow.of("fanout100 ÷ fanout10 raw CPU per publish (matching 50 ÷ 5)", "fanout100", RAW_GROWTH, Threshold.below(10, "< 10× (linear)")),
            ReportRow.of("fanout100 ÷ fanout10 enveloped CPU per publish", "fanout100", ENV_GROWTH, Threshold.below(10, "< 10× (linear)")),
            ReportRow.of("fanoutlatency raw: publish → receive p50 (ms)", "fanoutlatency", "raw_publish_to_receive_p50_ms"),
            ReportRow.of("fanoutlatency raw: publish → receive p99 (ms)", "fanoutlatency", "raw_publish_to_receive_p99_ms"),
            ReportRow.of("fanoutlatency enveloped: publish → receive p50 (ms)", "fanoutlatency", "env_publish_to_receive_p50_ms"),
            ReportRow.of("fanoutlatency enveloped: publish → receive p99 (ms)", "fanoutlatency", "env_publish_to_receive_p99_ms"),
            ReportRow.of("longpoll (SQS, for comparison): send → receive p50 (ms)", "longpoll", "send_start_to_receive_p50_ms"),
            ReportRow.of("deep: messages queued", "deep", "depth"),
            ReportRow.of("deep: fill time (s)", "deep", "fill_seconds"),
            ReportRow.of("deep: fill messages/s", "deep", "fill_messages_per_s"),
            ReportRow.of("deep: RSS after fill (MiB)", "deep", "rss_after_fill_mib"),
            ReportRow.of("deep: live heap after fill + full GC (MiB)", "deep", "heap_live_after_fill_mib", Threshold.below(2048, "< 2048 MiB")),
            ReportRow.of("deep: live heap bytes per queued message", "deep", "heap_bytes_per_message"),
            ReportRow.of("deep: round trips/s, empty queue", "deep", "empty_roundtrips_per_s"),
            ReportRow.of("deep: round trips/s, full queue", "deep", "deep_roundtrips_per_s"),
            ReportRow.of("deep: full ÷ empty throughput", "deep", "deep_vs_empty", Threshold.atLeast(0.9, "≥ 0.90")),
            ReportRow.of("deep: server CPU µs/call, full queue", "deep", "server_cpu_us_per_call"));

    private MarkdownReport() {
    }

    static String render(List<ScenarioResult> results) {
        Map<String, Double> values = new HashMap<>();
        Set<String> labels = new LinkedHashSet<>();
        for (ScenarioResult r : results) {
            labels.add(r.label());
            r.metrics().forEach(m -> values.put(key(r.label(), r.scenario(), m.key()), m.value()));
        }
        addSpeedups(values, labels);
        addFanoutRatios(values, labels);

        StringBuilder md = new StringBuilder();
        md.append("| Metric |");
        labels.forEach(l -> md.append(' ').append(l).append(" |"));
        md.append(" Target | ").append(SUBJECT).append(" |\n|---|");
        labels.forEach(l -> md.append("---:|"));
        md.append("---|---|\n");
        for (ReportRow row : ROWS) {
            md.append("| ").append(row.title()).append(" |");
            for (String label : labels) {
                md.append(' ').append(Numbers.format(values.getOrDefault(key(label, row.scenario(), row.key()), Double.NaN))).append(" |");
            }
            if (row.target() == null) {
                md.append(" | |\n");
            } else {
                double subject = values.getOrDefault(key(SUBJECT, row.scenario(), row.key()), Double.NaN);
                md.append(' ').append(row.target().text()).append(" | ").append(row.target().verdict(subject)).append(" |\n");
            }
        }
        md.append(errorsLine(results, labels));
        List<String> notes = new ArrayList<>();
        results.forEach(r -> r.notes().forEach(n -> notes.add(r.label() + " / " + r.scenario() + ": " + n)));
        if (!notes.isEmpty()) {
            md.append("\nNotes:\n");
            notes.forEach(n -> md.append("- ").append(n).append('\n'));
        }
        return md.toString();
    }

    /** Round trips/s of each server divided by the best other server's, measured in the same run. */
    private static void addSpeedups(Map<String, Double> values, Set<String> labels) {
        for (String label : labels) {
            Double own = values.get(key(label, "roundtrip", "roundtrips_per_s"));
            double bestOther = labels.stream().filter(l -> !l.equals(label))
                    .map(l -> values.get(key(l, "roundtrip", "roundtrips_per_s")))
                    .filter(v -> v != null && v > 0)
                    .mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
            values.put(key(label, "roundtrip", SPEEDUP_KEY), own == null ? Double.NaN : own / bestOther);
        }
    }

    /** Fan-out CPU against a plain send of the same run, and how it grows from 10 to 100 subscriptions. */
    private static void addFanoutRatios(Map<String, Double> values, Set<String> labels) {
        for (String label : labels) {
            double send = values.getOrDefault(key(label, "send", "server_cpu_us_per_call"), Double.NaN);
            double raw10 = values.getOrDefault(key(label, "fanout10", "raw_server_cpu_us_per_publish"), Double.NaN);
            double env10 = values.getOrDefault(key(label, "fanout10", "env_server_cpu_us_per_publish"), Double.NaN);
            double envNoSign10 = values.getOrDefault(key(label, "fanout10", "env_server_cpu_us_per_publish_without_signer"), Double.NaN);
            double raw100 = values.getOrDefault(key(label, "fanout100", "raw_server_cpu_us_per_publish"), Double.NaN);
            double env100 = values.getOrDefault(key(label, "fanout100", "env_server_cpu_us_per_publish"), Double.NaN);
            values.put(key(label, "fanout10", RAW_VS_SEND), raw10 / send);
            values.put(key(label, "fanout10", ENV_VS_SEND), env10 / send);
            values.put(key(label, "fanout10", ENV_NOSIGN_VS_SEND), envNoSign10 / send);
            values.put(key(label, "fanout100", RAW_GROWTH), raw100 / raw10);
            values.put(key(label, "fanout100", ENV_GROWTH), env100 / env10);
        }
    }

    private static String errorsLine(List<ScenarioResult> results, Set<String> labels) {
        StringBuilder line = new StringBuilder("| Errors (all scenarios) |");
        for (String label : labels) {
            line.append(' ').append(Numbers.format(errors(results, label))).append(" |");
        }
        double subject = labels.contains(SUBJECT) ? errors(results, SUBJECT) : Double.NaN;
        return line.append(" 0 | ").append(Threshold.below(0.5, "0").verdict(subject)).append(" |\n").toString();
    }

    private static double errors(List<ScenarioResult> results, String label) {
        return results.stream().filter(r -> r.label().equals(label))
                .flatMap(r -> r.metrics().stream()).filter(m -> m.key().equals("errors"))
                .mapToDouble(Metric::value).sum();
    }

    private static String key(String label, String scenario, String metric) {
        return label + "/" + scenario + "/" + metric;
    }
}
