package io.mailroom.bench;

import java.util.ArrayList;
import java.util.List;

/** {@link BatchCycle} from N threads, each on its own queue; reports messages/s as well as calls/s. */
final class BatchScenario implements Scenario {

    @Override
    public ScenarioResult run(BenchContext ctx) throws Exception {
        int threads = ctx.options().threads();
        List<QueueFixture> queues = new ArrayList<>();
        try {
            List<LoadIteration> iterations = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                QueueFixture q = QueueFixture.create(ctx.sqs(), "batch" + i);
                queues.add(q);
                iterations.add(new BatchCycle(ctx.sqs(), q.url()));
            }
            LoopOutcome out = ctx.closedLoop(threads).run(iterations);
            return ctx.result(ScenarioKind.BATCH)
                    .add("threads", threads, "")
                    .add("messages_per_s", out.messagesPerSecond(), "messages/s")
                    .add("calls_per_s", out.callsPerSecond(), "calls/s")
                    .latency("cycle_", out.latency())
                    .cpu(out.span(), out.counts().calls())
                    .add("server_cpu_us_per_message", out.span().serverMicrosPer(out.counts().messages()), "us")
                    .errors(out)
                    .build();
        } finally {
            queues.forEach(QueueFixture::close);
        }
    }
}
