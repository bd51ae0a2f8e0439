package io.mailroom.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs N threads that each repeat one {@link LoadIteration} back to back (a closed loop: a new
 * request only after the previous answer), first for the warm-up, then for the measured window.
 * Counts are cut at the window's edges from live counters; latencies are kept only for iterations
 * that started inside the window. Every loop ends: at the window's end, or after too many errors.
 */
final class ClosedLoop {
    /** A worker that keeps failing stops; the server is broken and more requests prove nothing. */
    private static final int MAX_ERRORS_PER_WORKER = 50;
    /** Long enough for an in-flight 20 s long poll to finish before a worker is abandoned. */
    private static final Duration JOIN_LIMIT = Duration.ofSeconds(35);

    private final int threads;
    private final Duration warmup;
    private final Duration measure;
    private final ServerProbe probe;

    private volatile Phase phase = Phase.WARMUP;
    private final AtomicReference<String> firstError = new AtomicReference<>();

    private enum Phase { WARMUP, MEASURE, STOP }

    ClosedLoop(int threads, Duration warmup, Duration measure, ServerProbe probe) {
        this.threads = threads;
        this.warmup = warmup;
        this.measure = measure;
        this.probe = probe;
    }

    /** @param iterations one iteration per thread (each may hold its own queue) */
    LoopOutcome run(List<LoadIteration> iterations) throws InterruptedException {
        if (iterations.size() != threads) {
            throw new IllegalArgumentException("need one iteration per thread");
        }
        List<Tally> tallies = new ArrayList<>();
        List<LatencySamples> samples = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Tally tally = new Tally();
            LatencySamples own = new LatencySamples();
            LoadIteration iteration = iterations.get(i);
            tallies.add(tally);
            samples.add(own);
            Thread t = new Thread(() -> work(iteration, tally, own), "load-" + i);
            t.setDaemon(true); // a worker stuck in a call must never keep the JVM alive
            workers.add(t);
        }
        workers.forEach(Thread::start);

        sleepWhileAnyAlive(workers, warmup);
        TallyTotals before = TallyTotals.sum(tallies);
        CpuWindow window = CpuWindow.open(probe);
        phase = Phase.MEASURE;
        sleepWhileAnyAlive(workers, measure);
        CpuSpan span = window.close();
        TallyTotals after = TallyTotals.sum(tallies);
        phase = Phase.STOP;

        List<LatencySamples> finished = new ArrayList<>();
        long joinDeadline = System.nanoTime() + JOIN_LIMIT.toNanos();
        for (int i = 0; i < threads; i++) {
            long left = Math.max(1, (joinDeadline - System.nanoTime()) / 1_000_000);
            workers.get(i).join(left);
            if (!workers.get(i).isAlive()) {
                finished.add(samples.get(i)); // only a joined thread's buffer is safe to read
            }
        }
        return new LoopOutcome(after.minus(before), span, LatencySamples.merge(finished), firstError.get());
    }

    private void work(LoadIteration iteration, Tally tally, LatencySamples own) {
        long errors = 0;
        while (phase != Phase.STOP && errors < MAX_ERRORS_PER_WORKER) {
            boolean measured = phase == Phase.MEASURE;
            long start = System.nanoTime();
            try {
                iteration.run(tally);
                long elapsed = System.nanoTime() - start;
                tally.iterationDone();
                if (measured && phase == Phase.MEASURE) {
                    own.add(elapsed);
                }
            } catch (Exception e) {
                errors = tally.errorDone();
                firstError.compareAndSet(null, e.getClass().getSimpleName() + ": " + e.getMessage());
                pauseAfterError();
            }
        }
    }

    /** Keeps a dead server from turning the error path into a busy loop. */
    private static void pauseAfterError() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleepWhileAnyAlive(List<Thread> workers, Duration duration) throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < deadline && workers.stream().anyMatch(Thread::isAlive)) {
            Thread.sleep(Math.min(50, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
        }
    }
}
