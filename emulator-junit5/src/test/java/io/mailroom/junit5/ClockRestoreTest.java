package io.mailroom.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailroom.core.time.ServerClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** A test that stops or moves the server clock does not leave it that way for the next test. */
class ClockRestoreTest {
    private static final Duration A_YEAR = Duration.ofDays(365);

    @Test
    void theClockIsBackOnSystemTimeAfterATestThatFrozeOrMovedIt() {
        ClockCase.seen.clear();
        EngineExecutionResults results = Engine.run(ClockCase.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(5).failed(1));
        List<ClockReading> seen = ClockCase.seen;
        assertThat(seen).extracting(ClockReading::test)
                .containsExactly("freezes", "afterFreeze", "shiftsWithoutFreezing", "afterShift",
                        "failsWhileFrozen", "afterFailure");
        assertThat(seen.get(0).frozen()).isTrue();
        for (ClockReading reading : List.of(seen.get(1), seen.get(3), seen.get(5))) {
            assertThat(reading.frozen()).as(reading.test()).isFalse();
            // A year apart distinguishes a restored clock from a moved one without depending on timing.
            assertThat(Duration.between(reading.system(), reading.server()).abs()).as(reading.test()).isLessThan(A_YEAR);
        }
    }

    record ClockReading(String test, boolean frozen, Instant server, Instant system) {
        static ClockReading of(String test, ServerClock clock) {
            return new ClockReading(test, clock.isFrozen(), clock.now(), Instant.now());
        }
    }

    @ExtendWith(MailroomExtension.class)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class ClockCase {
        static final List<ClockReading> seen = new CopyOnWriteArrayList<>();

        @Test
        @Order(1)
        void freezes(ServerClock clock) {
            clock.freeze();
            clock.advance(A_YEAR.multipliedBy(3));
            seen.add(ClockReading.of("freezes", clock));
        }

        @Test
        @Order(2)
        void afterFreeze(ServerClock clock) {
            seen.add(ClockReading.of("afterFreeze", clock));
        }

        @Test
        @Order(3)
        void shiftsWithoutFreezing(ServerClock clock) {
            clock.advance(A_YEAR.multipliedBy(2));
            seen.add(ClockReading.of("shiftsWithoutFreezing", clock));
        }

        @Test
        @Order(4)
        void afterShift(ServerClock clock) {
            seen.add(ClockReading.of("afterShift", clock));
        }

        @Test
        @Order(5)
        void failsWhileFrozen(ServerClock clock) {
            clock.freeze();
            clock.set(Instant.parse("2001-01-01T00:00:00Z"));
            seen.add(ClockReading.of("failsWhileFrozen", clock));
            throw new AssertionError("fails on purpose");
        }

        @Test
        @Order(6)
        void afterFailure(ServerClock clock) {
            seen.add(ClockReading.of("afterFailure", clock));
        }

    }
}
