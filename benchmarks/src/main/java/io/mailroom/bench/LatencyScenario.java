package io.mailroom.bench;

import java.time.Duration;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * One thread, no contention: SendMessage then ReceiveMessage on an otherwise idle server. Reports
 * the send→receive pair and each call alone; the delete that keeps the queue empty is not timed.
 */
final class LatencyScenario implements Scenario {

    @Override
    public ScenarioResult run(BenchContext ctx) throws Exception {
        SqsClient sqs = ctx.sqs();
        try (QueueFixture queue = QueueFixture.create(sqs, "latency")) {
            LatencySamples pairs = new LatencySamples();
            LatencySamples calls = new LatencySamples();
            Tally tally = new Tally();
            loop(sqs, queue.url(), ctx.options().warmup(), new LatencySamples(), new LatencySamples(), new Tally());
            CpuWindow window = CpuWindow.open(ctx.probe());
            loop(sqs, queue.url(), ctx.options().measure(), pairs, calls, tally);
            CpuSpan span = window.close();
            TallyTotals counts = tally.snapshot();
            return ctx.result(ScenarioKind.LATENCY)
                    .add("threads", 1, "")
                    .latency("pair_", pairs.percentiles())
                    .latency("call_", calls.percentiles())
                    .add("calls_per_s", span.perSecond(counts.calls()), "calls/s")
                    .cpu(span, counts.calls())
                    .build();
        }
    }

    private static void loop(SqsClient sqs, String url, Duration length, LatencySamples pairs,
                             LatencySamples calls, Tally tally) {
        long deadline = System.nanoTime() + length.toNanos();
        while (System.nanoTime() < deadline) {
            long t0 = System.nanoTime();
            sqs.sendMessage(b -> b.queueUrl(url).messageBody(Payload.BODY_1KIB));
            long t1 = System.nanoTime();
            Message m = ShortPoll.receiveOne(sqs, url, tally);
            long t2 = System.nanoTime();
            sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
            tally.calls(2); // send + delete; the receive(s) counted themselves
            tally.iterationDone();
            pairs.add(t2 - t0);
            calls.add(t1 - t0);
            calls.add(t2 - t1);
        }
    }
}
