package io.mailroom.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * Fills a queue with SendMessageBatch calls of 10 from several threads, until the target count,
 * a time limit, or too many errors: a slow or failing server can never keep the run going.
 */
final class QueueFiller {
    private static final int MAX_ERRORS = 50;
    private static final long PROGRESS_EVERY_NANOS = Duration.ofSeconds(15).toNanos();

    private final SqsClient sqs;
    private final String queueUrl;
    private final ServerProbe probe;
    private final AtomicLong claimed = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicReference<String> firstError = new AtomicReference<>();

    QueueFiller(SqsClient sqs, String queueUrl, ServerProbe probe) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.probe = probe;
    }

    FillOutcome fill(long target, int threads, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(() -> work(target, deadline), "fill-" + i);
            t.setDaemon(true);
            workers.add(t);
        }
        CpuWindow window = CpuWindow.open(probe);
        workers.forEach(Thread::start);
        long nextProgress = System.nanoTime() + PROGRESS_EVERY_NANOS;
        for (Thread t : workers) {
            while (t.isAlive()) {
                t.join(200);
                if (System.nanoTime() > nextProgress) {
                    System.err.printf("  filling: %,d of %,d messages%n", accepted.get(), target);
                    nextProgress += PROGRESS_EVERY_NANOS;
                }
            }
        }
        return new FillOutcome(accepted.get(), calls.get(), window.close(), errors.get(), firstError.get());
    }

    private void work(long target, long deadline) {
        while (System.nanoTime() < deadline && errors.get() < MAX_ERRORS) {
            long start = claimed.getAndAdd(BatchCycle.BATCH);
            if (start >= target) {
                return;
            }
            int n = (int) Math.min(BatchCycle.BATCH, target - start);
            try {
                SendMessageBatchResponse r = sqs.sendMessageBatch(
                        b -> b.queueUrl(queueUrl).entries(BatchCycle.ENTRIES.subList(0, n)));
                calls.incrementAndGet();
                int failed = r.hasFailed() ? r.failed().size() : 0;
                accepted.addAndGet(n - failed);
                if (failed > 0) {
                    errors.incrementAndGet();
                    firstError.compareAndSet(null, "batch entry failed: " + r.failed().get(0));
                }
            } catch (RuntimeException e) {
                errors.incrementAndGet();
                firstError.compareAndSet(null, e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
    }
}
