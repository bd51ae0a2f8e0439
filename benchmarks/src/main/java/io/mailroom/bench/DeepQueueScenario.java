package io.mailroom.bench;

import java.util.Collections;
import java.util.List;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Does a full queue slow the server down? Round trips on one shared queue while it is empty, then
 * the same after filling it with (by default) a million 1 KiB messages; a round trip sends one and
 * deletes one, so the depth stays where the fill left it. Also reports fill speed, the server's RSS
 * and its live heap with the messages queued.
 */
final class DeepQueueScenario implements Scenario {
    private static final double MIB = 1024.0 * 1024.0;

    @Override
    public ScenarioResult run(BenchContext ctx) throws Exception {
        BenchOptions o = ctx.options();
        int threads = o.threads();
        try (QueueFixture queue = QueueFixture.create(ctx.sqs(), "deep")) {
            List<LoadIteration> roundTrips = Collections.nCopies(threads, new RoundTrip(ctx.sqs(), queue.url()));
            System.err.println("  deep: round trips on the empty queue");
            LoopOutcome empty = ctx.closedLoop(threads).run(roundTrips);

            System.err.printf("  deep: filling with %,d messages of 1 KiB%n", o.deepMessages());
            FillOutcome fill = new QueueFiller(ctx.sqs(), queue.url(), ctx.probe())
                    .fill(o.deepMessages(), threads, o.fillLimit());
            System.err.printf("  deep: filled %,d messages in %.1f s%n", fill.messages(), fill.span().seconds());
            long depth = depth(ctx, queue.url());
            long rss = ctx.probe().rssBytes();
            HeapReport heap = HeapProbe.afterFullGc(ctx.probe().pid());
            long live = heap.liveBytes();

            System.err.println("  deep: round trips on the full queue");
            LoopOutcome deep = ctx.closedLoop(threads).run(roundTrips);

            ScenarioResult.Builder result = ctx.result(ScenarioKind.DEEP)
                    .add("threads", threads, "")
                    .add("fill_messages", fill.messages(), "messages")
                    .add("fill_seconds", fill.span().seconds(), "s")
                    .add("fill_messages_per_s", fill.span().perSecond(fill.messages()), "messages/s")
                    .add("fill_server_cpu_us_per_message", fill.span().serverMicrosPer(fill.messages()), "us")
                    .add("depth", depth, "messages")
                    .add("rss_after_fill_mib", rss < 0 ? Double.NaN : rss / MIB, "MiB")
                    .add("heap_live_after_fill_mib", live < 0 ? Double.NaN : live / MIB, "MiB")
                    .add("heap_bytes_per_message", live < 0 || depth <= 0 ? Double.NaN : (double) live / depth, "bytes")
                    .add("empty_roundtrips_per_s", empty.iterationsPerSecond(), "round trips/s")
                    .add("deep_roundtrips_per_s", deep.iterationsPerSecond(), "round trips/s")
                    .add("deep_vs_empty", deep.iterationsPerSecond() / empty.iterationsPerSecond(), "ratio")
                    .latency("deep_roundtrip_", deep.latency())
                    .cpu(deep.span(), deep.counts().calls())
                    .add("empty_server_cpu_us_per_call", empty.span().serverMicrosPer(empty.counts().calls()), "us")
                    .errors(deep);
            if (!heap.largestClasses().isEmpty()) {
                result.note("live heap by class: " + String.join("; ", heap.largestClasses()));
            }
            if (fill.firstError() != null) {
                result.note("fill: " + fill.errors() + " errors, first: " + fill.firstError());
            }
            if (empty.firstError() != null) {
                result.note("empty-queue round trips: first error: " + empty.firstError());
            }
            return result.build();
        }
    }

    private static long depth(BenchContext ctx, String url) {
        String value = ctx.sqs().getQueueAttributes(b -> b.queueUrl(url)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                .attributes().get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
        return value == null ? -1 : Long.parseLong(value);
    }
}
