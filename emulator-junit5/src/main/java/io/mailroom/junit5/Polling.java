package io.mailroom.junit5;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.opentest4j.AssertionFailedError;

/**
 * Looks at something until it shows what a test waits for. Deadlines are wall time (not the server clock,
 * which a test may have frozen); the last look is what the failure message describes, so the message says
 * what was there rather than only that the wait timed out.
 */
final class Polling {
    static final Duration INTERVAL = Duration.ofMillis(10);

    private Polling() {
    }

    /**
     * @param look     takes one observation
     * @param accept   what the test waits for in an observation, if it is there
     * @param failure  the failure message for the last observation
     */
    static <S, T> T until(Duration timeout, Supplier<S> look, Function<S, Optional<T>> accept,
                          Function<S, String> failure) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            S seen = look.get();
            Optional<T> found = accept.apply(seen);
            if (found.isPresent()) {
                return found.get();
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionFailedError(failure.apply(seen));
            }
            try {
                Thread.sleep(Math.max(1, Math.min(INTERVAL.toMillis(), left / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionFailedError("interrupted while waiting; " + failure.apply(seen), e);
            }
        }
    }
}
