package io.mailroom.bench;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters of one worker thread. Atomics because the coordinator reads them mid-run to cut the
 * measured window; each is written by one thread only, so they never contend.
 */
final class Tally {
    private final AtomicLong iterations = new AtomicLong();
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();

    void calls(int n) {
        calls.addAndGet(n);
    }

    void messages(int n) {
        messages.addAndGet(n);
    }

    void iterationDone() {
        iterations.incrementAndGet();
    }

    long errorDone() {
        return errors.incrementAndGet();
    }

    TallyTotals snapshot() {
        return new TallyTotals(iterations.get(), calls.get(), messages.get(), errors.get());
    }
}
