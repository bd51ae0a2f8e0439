package io.mailroom.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Unmeasured load before the first scenario. A cold SDK client spends 3–4× more CPU per call while
 * the JIT compiles it (measured: ~350 µs vs ~110 µs per call), and on 2 shared cores that would
 * slow whichever server happened to be measured first.
 */
final class ClientPrimer {
    private ClientPrimer() {
    }

    /** Fan-out priming per server with SNS, when fan-out scenarios are to run: on top of {@code total}. */
    static final Duration SNS_PRIME = Duration.ofSeconds(16);

    static void prime(List<BenchContext> servers, Duration total, boolean sns) throws InterruptedException {
        if (sns && !total.isZero()) {
            for (BenchContext ctx : servers) {
                if (ctx.hasSns()) {
                    System.err.printf("priming SNS publishing against %s for %d s%n", ctx.target().label(), SNS_PRIME.toSeconds());
                    FanoutScenario.prime(ctx, SNS_PRIME);
                }
            }
        }
        prime(servers, total);
    }

    static void prime(List<BenchContext> servers, Duration total) throws InterruptedException {
        if (total.isZero() || servers.isEmpty()) {
            return;
        }
        Duration each = total.dividedBy(servers.size());
        for (BenchContext ctx : servers) {
            int threads = ctx.options().threads();
            System.err.printf("priming the client against %s for %d s%n", ctx.target().label(), each.toSeconds());
            List<QueueFixture> queues = new ArrayList<>();
            try {
                List<LoadIteration> iterations = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    QueueFixture q = QueueFixture.create(ctx.sqs(), "prime" + i);
                    queues.add(q);
                    RoundTrip single = new RoundTrip(ctx.sqs(), q.url());
                    BatchCycle batch = new BatchCycle(ctx.sqs(), q.url());
                    iterations.add(tally -> {
                        single.run(tally);
                        batch.run(tally);
                    });
                }
                new ClosedLoop(threads, each, Duration.ZERO, ctx.probe()).run(iterations);
            } finally {
                queues.forEach(QueueFixture::close);
            }
        }
    }
}
