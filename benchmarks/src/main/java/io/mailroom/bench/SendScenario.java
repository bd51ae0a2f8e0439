package io.mailroom.bench;

import java.util.Collections;

/** SendMessage of 1 KiB from N threads into one shared queue: the producer path alone. */
final class SendScenario implements Scenario {

    @Override
    public ScenarioResult run(BenchContext ctx) throws Exception {
        int threads = ctx.options().threads();
        try (QueueFixture queue = QueueFixture.create(ctx.sqs(), "send")) {
            LoadIteration send = tally -> {
                ctx.sqs().sendMessage(b -> b.queueUrl(queue.url()).messageBody(Payload.BODY_1KIB));
                tally.calls(1);
                tally.messages(1);
            };
            LoopOutcome out = ctx.closedLoop(threads).run(Collections.nCopies(threads, send));
            return ctx.result(ScenarioKind.SEND)
                    .add("threads", threads, "")
                    .add("calls_per_s", out.callsPerSecond(), "calls/s")
                    .latency("call_", out.latency())
                    .cpu(out.span(), out.counts().calls())
                    .errors(out)
                    .build();
        }
    }
}
