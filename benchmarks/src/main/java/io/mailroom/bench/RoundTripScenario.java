package io.mailroom.bench;

import java.util.ArrayList;
import java.util.List;

/** send → receive(max 1) → delete from N threads, each on a queue of its own, so queues never contend. */
final class RoundTripScenario implements Scenario {

    @Override
    public ScenarioResult run(BenchContext ctx) throws Exception {
        int threads = ctx.options().threads();
        List<QueueFixture> queues = new ArrayList<>();
        try {
            List<LoadIteration> iterations = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                QueueFixture q = QueueFixture.create(ctx.sqs(), "roundtrip" + i);
                queues.add(q);
                iterations.add(new RoundTrip(ctx.sqs(), q.url()));
            }
            LoopOutcome out = ctx.closedLoop(threads).run(iterations);
            return ctx.result(ScenarioKind.ROUNDTRIP)
                    .add("threads", threads, "")
                    .add("roundtrips_per_s", out.iterationsPerSecond(), "round trips/s")
                    .add("calls_per_s", out.callsPerSecond(), "calls/s")
                    .latency("roundtrip_", out.latency())
                    .cpu(out.span(), out.counts().calls())
                    .errors(out)
                    .build();
        } finally {
            queues.forEach(QueueFixture::close);
        }
    }
}
