package io.mailroom.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * SNS Publish from N threads to a topic with 1, 10 or 100 SQS subscriptions (see {@link FanoutTopic}
 * for which match), once with raw delivery and once enveloped. Raw deliveries are made inside the
 * Publish request; enveloped ones need an RSA signature (once per publish) and are made afterwards on
 * the server's single signing thread, so the server can accept publishes faster than it delivers
 * them. The measured window therefore runs from the first publish until the last publish's deliveries
 * are in every matching queue, and publishers hold back while more than {@link #MAX_BACKLOG} publishes
 * are undelivered. CPU is reported per publish, per matching delivery, and for the signing thread alone.
 *
 * <p>Windows are shorter than the SQS scenarios' (at most 3 s warm-up, 5 s measured per delivery mode):
 * 100 subscriptions queue 50 × 1 KiB per publish, and six measurements have to fit in about two minutes.
 */
final class FanoutScenario implements Scenario {
    private static final Duration MAX_WARMUP = Duration.ofSeconds(3);
    private static final Duration MAX_MEASURE = Duration.ofSeconds(5);
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(30);
    private static final long MAX_BACKLOG = 100;
    /** The server's "mailroom-sns-signer" thread as /proc shows it: names are cut to 15 characters. */
    private static final String SIGNER_THREAD = "mailroom-sns-si";
    private static final long TICKS_PER_SECOND = ClockTicks.perSecond();

    private final ScenarioKind kind;
    private final int subscriptions;

    FanoutScenario(ScenarioKind kind, int subscriptions) {
        this.kind = kind;
        this.subscriptions = subscriptions;
    }

    @Override
    public ScenarioResult run(BenchContext ctx) throws Exception {
        int threads = ctx.options().threads();
        ScenarioResult.Builder result = ctx.result(kind).add("threads", threads, "").add("subscriptions", subscriptions, "");
        boolean first = true;
        long errors = 0;
        for (boolean raw : new boolean[] {true, false}) {
            String prefix = raw ? "raw_" : "env_";
            try (FanoutTopic topic = FanoutTopic.create(ctx.sns(), ctx.sqs(), kind.id() + (raw ? "-raw" : "-env"),
                    subscriptions, raw)) {
                if (first) {
                    result.add("matching", topic.matching(), "");
                    first = false;
                }
                errors += measure(ctx, topic, raw, threads, prefix, result);
            }
        }
        return result.add("errors", errors, "").build();
    }

    /**
     * Unmeasured publishing before the first scenario (raw, then enveloped, to 10 subscriptions), so that
     * neither the SDK's SNS client nor the server's publish path is measured while being JIT-compiled.
     */
    static void prime(BenchContext ctx, Duration total) throws InterruptedException {
        int threads = ctx.options().threads();
        for (boolean raw : new boolean[] {true, false}) {
            try (FanoutTopic topic = FanoutTopic.create(ctx.sns(), ctx.sqs(), raw ? "prime-raw" : "prime-env", 10, raw)) {
                Publishers p = new Publishers(topic, raw, threads);
                p.run(threads, total.dividedBy(2), ctx.probe());
                topic.awaitDelivered(p.published.get(), DRAIN_LIMIT);
            }
        }
    }

    /** Measures one delivery mode into {@code result}; returns its errors. */
    private static long measure(BenchContext ctx, FanoutTopic topic, boolean raw, int threads, String prefix,
                                ScenarioResult.Builder result) throws InterruptedException {
        Duration warmup = min(ctx.options().warmup(), MAX_WARMUP);
        Duration window = min(ctx.options().measure(), MAX_MEASURE);
        long errors = 0;
        List<String> problems = new ArrayList<>();

        // Warm-up, then let its deliveries finish and empty the queues: the measurement starts clean.
        Publishers warm = new Publishers(topic, raw, threads);
        warm.run(threads, warmup, ctx.probe());
        if (!topic.awaitDelivered(warm.published.get(), DRAIN_LIMIT)) {
            problems.add("warm-up deliveries did not finish within " + DRAIN_LIMIT.toSeconds() + " s");
        }
        topic.purge();

        Publishers run = new Publishers(topic, raw, threads);
        long watchBefore = topic.watchCalls();
        ThreadCpu threadsBefore = ThreadCpu.read(ctx.probe().pid());
        CpuWindow cpu = CpuWindow.open(ctx.probe());
        LoopOutcome out = run.run(threads, window, ctx.probe());
        long publishes = run.published.get();
        long publishWindowEnd = System.nanoTime();
        boolean drained = topic.awaitDelivered(publishes, DRAIN_LIMIT);
        long drainNanos = System.nanoTime() - publishWindowEnd;
        CpuSpan span = cpu.close();
        ThreadCpu threadsAfter = ThreadCpu.read(ctx.probe().pid());
        long watchCalls = topic.watchCalls() - watchBefore;
        if (!drained) {
            problems.add("deliveries did not finish within " + DRAIN_LIMIT.toSeconds() + " s of the last publish");
            errors++;
        }
        int mismatched = topic.mismatchedQueues(publishes);
        if (mismatched > 0) {
            problems.add(mismatched + " queue(s) did not hold the expected number of messages");
            errors += mismatched;
        }
        errors += out.counts().errors();
        if (out.firstError() != null) {
            problems.add("first error: " + out.firstError());
        }

        long deliveries = publishes * topic.matching();
        double signerMicros = ticksSince(threadsBefore, threadsAfter, SIGNER_THREAD) * 1e6 / TICKS_PER_SECOND;
        double serverMicros = span.serverCpuNanos() / 1e3;
        result.add(prefix + "publishes_per_s", span.perSecond(publishes), "publishes/s")
                .add(prefix + "publish_calls_per_s", out.callsPerSecond(), "calls/s")
                .add(prefix + "deliveries_per_s", span.perSecond(deliveries), "deliveries/s")
                .latency(prefix + "publish_", LatencySamples.merge(run.samples))
                .add(prefix + "server_cpu_us_per_publish", span.serverMicrosPer(publishes), "us")
                .add(prefix + "server_cpu_us_per_delivery", span.serverMicrosPer(deliveries), "us")
                .add(prefix + "signer_cpu_us_per_publish", publishes == 0 ? Double.NaN : signerMicros / publishes, "us")
                .add(prefix + "server_cpu_us_per_publish_without_signer",
                        publishes == 0 ? Double.NaN : (serverMicros - signerMicros) / publishes, "us")
                .add(prefix + "client_cpu_us_per_publish", span.clientMicrosPer(publishes), "us")
                .add(prefix + "publishes", publishes, "")
                .add(prefix + "drain_ms", drainNanos / 1e6, "ms")
                .add(prefix + "watch_calls", watchCalls, "")
                .add(prefix + "errors", errors, "");
        if (!span.serverBreakdown().isEmpty()) {
            result.note((raw ? "raw: " : "enveloped: ") + span.serverBreakdown());
        }
        problems.forEach(p -> result.note((raw ? "raw: " : "enveloped: ") + p));
        return errors;
    }

    private static long ticksSince(ThreadCpu before, ThreadCpu after, String group) {
        return after.ticksByGroup().getOrDefault(group, 0L) - before.ticksByGroup().getOrDefault(group, 0L);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /**
     * The publishing threads of one phase: each times its own Publish calls (not the wait for the backlog
     * to shrink); all count successful publishes in one counter, which is what the queues must receive.
     */
    private static final class Publishers {
        final FanoutTopic topic;
        final boolean raw;
        final AtomicLong published = new AtomicLong();
        final List<LatencySamples> samples = new ArrayList<>();
        final List<LoadIteration> iterations = new ArrayList<>();
        volatile long delivered;
        volatile boolean watching;

        Publishers(FanoutTopic topic, boolean raw, int threads) {
            this.topic = topic;
            this.raw = raw;
            for (int i = 0; i < threads; i++) {
                LatencySamples own = new LatencySamples();
                samples.add(own);
                iterations.add(tally -> {
                    awaitRoom();
                    long start = System.nanoTime();
                    topic.publish();
                    own.add(System.nanoTime() - start);
                    published.incrementAndGet();
                    tally.calls(1);
                    tally.messages(topic.matching());
                });
            }
        }

        LoopOutcome run(int threads, Duration length, ServerProbe probe) throws InterruptedException {
            // Raw deliveries are done when Publish answers; enveloped ones are watched on the sentinel queue.
            Thread watcher = raw ? null : new Thread(this::watch, "fanout-watch");
            if (watcher != null) {
                watching = true;
                watcher.setDaemon(true);
                watcher.start();
            }
            try {
                return new ClosedLoop(threads, Duration.ZERO, length, probe).run(iterations);
            } finally {
                watching = false;
                if (watcher != null) {
                    watcher.join(5_000);
                }
            }
        }

        private void watch() {
            while (watching) {
                try {
                    delivered = topic.count(topic.sentinelUrl());
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    // a failed poll only delays the next reading; the publishers' bounded wait ends the run
                }
            }
        }

        /** Bounded: a server that stops delivering makes this iteration fail instead of hanging. */
        private void awaitRoom() throws InterruptedException {
            if (raw) {
                return;
            }
            long deadline = System.nanoTime() + DRAIN_LIMIT.toNanos();
            while (published.get() - delivered > MAX_BACKLOG) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("more than " + MAX_BACKLOG + " publishes undelivered for "
                            + DRAIN_LIMIT.toSeconds() + " s");
                }
                Thread.sleep(1);
            }
        }
    }
}
