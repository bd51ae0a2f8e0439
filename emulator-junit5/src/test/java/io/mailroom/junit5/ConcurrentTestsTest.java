package io.mailroom.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailroom.core.time.ServerClock;
import java.lang.Thread.State;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Under JUnit's parallel execution, tests that share a per-class server take turns with it. */
class ConcurrentTestsTest {

    @Test
    void testsOfOnePerClassServerDoNotResetOrUnfreezeItUnderEachOther() {
        SharedServerCase.reset();
        Engine.assertPassed(Engine.runConcurrently(SharedServerCase.class), SharedServerCase.class, 2);

        assertThat(SharedServerCase.readings).extracting(Reading::test).containsExactlyInAnyOrder("one", "two");
        for (Reading reading : SharedServerCase.readings) {
            assertThat(reading.queues()).as(reading.test()).containsExactly(reading.test());
            assertThat(reading.frozenAt()).as(reading.test()).contains(SharedServerCase.FROZEN_AT);
            assertThat(reading.othersInside()).as(reading.test()).isZero();
        }
    }

    record Reading(String test, int othersInside, List<String> queues, Optional<Instant> frozenAt) {
    }

    /** Notes each test's thread before the Mailroom extension's before-each step, where a waiting test waits. */
    static class Arrivals implements BeforeEachCallback {
        @Override
        public void beforeEach(ExtensionContext context) {
            SharedServerCase.threads.put(context.getRequiredTestMethod().getName(), Thread.currentThread());
        }
    }

    @ExtendWith(Arrivals.class) // registered before the field, so it runs first
    static class SharedServerCase {
        @RegisterExtension
        static final MailroomExtension MAILROOM = MailroomExtension.perClass().resetBeforeEachTest();
        static final Instant FROZEN_AT = Instant.parse("2030-01-01T00:00:00Z");
        static final Map<String, Thread> threads = new ConcurrentHashMap<>();
        static final Set<String> finished = ConcurrentHashMap.newKeySet();
        static final AtomicInteger inside = new AtomicInteger();
        static final List<Reading> readings = new CopyOnWriteArrayList<>();

        static void reset() {
            threads.clear();
            finished.clear();
            inside.set(0);
            readings.clear();
        }

        @Test
        void one(SqsClient sqs, ServerClock clock) {
            useTheServer("one", "two", sqs, clock);
        }

        @Test
        void two(SqsClient sqs, ServerClock clock) {
            useTheServer("two", "one", sqs, clock);
        }

        /**
         * Sets up state, then holds on until the other test either came in too (the defect), or waits for its
         * turn, or is over; only then reads the state back, which the other test must not have touched.
         */
        private static void useTheServer(String me, String other, SqsClient sqs, ServerClock clock) {
            clock.freeze();
            clock.set(FROZEN_AT);
            sqs.createQueue(b -> b.queueName(me));
            inside.incrementAndGet();
            int othersInside = Polling.until(Duration.ofSeconds(30), () -> inside.get() - 1,
                    others -> others > 0 || finished.contains(other) || waitsForItsTurn(threads.get(other))
                            ? Optional.of(others) : Optional.empty(),
                    others -> "test " + other + " neither ran nor waited for its turn");
            List<String> queues = sqs.listQueues().queueUrls().stream()
                    .map(url -> url.substring(url.lastIndexOf('/') + 1)).sorted().toList();
            readings.add(new Reading(me, othersInside, queues,
                    clock.isFrozen() ? Optional.of(clock.now()) : Optional.empty()));
            inside.decrementAndGet();
            finished.add(me);
        }

        private static boolean waitsForItsTurn(Thread thread) {
            return thread != null && thread.getState() == State.WAITING && Arrays.stream(thread.getStackTrace())
                    .anyMatch(frame -> frame.getClassName().equals(TestTurns.class.getName()));
        }
    }
}
