package io.mailroom.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerClockTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void manualClockStandsStillUntilAdvanced() {
        ServerClock clock = ServerClock.manual(T0);
        assertThat(clock.millis()).isEqualTo(T0.toEpochMilli());
        clock.advance(Duration.ofHours(12));
        assertThat(clock.now()).isEqualTo(T0.plus(Duration.ofHours(12)));
    }

    @Test
    void advancingRunsDueTasksInTimeOrderAndNoOthers() {
        ServerClock clock = ServerClock.manual(T0);
        List<String> ran = new ArrayList<>();
        clock.scheduleAt(T0.toEpochMilli() + 3000, () -> ran.add("3s"));
        clock.scheduleAt(T0.toEpochMilli() + 1000, () -> ran.add("1s"));
        clock.scheduleAt(T0.toEpochMilli() + 9000, () -> ran.add("9s"));
        Cancellable cancelled = clock.scheduleAt(T0.toEpochMilli() + 2000, () -> ran.add("2s"));
        cancelled.cancel();

        clock.advance(Duration.ofSeconds(5));

        assertThat(ran).containsExactly("1s", "3s");
        assertThat(clock.pendingTasks()).isEqualTo(1);
    }

    @Test
    void pendingTasksAtCountsOnlyLiveTasksDueThen() {
        ServerClock clock = ServerClock.manual(T0);
        long at = T0.toEpochMilli() + 2000;
        clock.scheduleAt(at, () -> { });
        clock.scheduleAt(at, () -> { });
        clock.scheduleAt(at + 1, () -> { });
        clock.scheduleAt(at, () -> { }).cancel();

        assertThat(clock.pendingTasksAt(at)).isEqualTo(2);
        assertThat(clock.pendingTasksAt(at + 1)).isEqualTo(1);
        clock.advance(Duration.ofSeconds(2));
        assertThat(clock.pendingTasksAt(at)).isZero();
        assertThat(clock.pendingTasksAt(at + 1)).isEqualTo(1);
    }

    @Test
    void aTaskScheduledByATaskRunsInTheSameAdvanceWhenDue() {
        ServerClock clock = ServerClock.manual(T0);
        List<String> ran = new ArrayList<>();
        clock.scheduleAt(T0.toEpochMilli() + 1000, () -> {
            ran.add("first");
            clock.scheduleAt(clock.millis() + 1000, () -> ran.add("second"));
        });
        clock.advance(Duration.ofSeconds(10));
        assertThat(ran).containsExactly("first", "second");
    }

    @Test
    void aTaskAlreadyDueRunsAtOnceOnAFrozenClock() {
        ServerClock clock = ServerClock.manual(T0);
        List<String> ran = new ArrayList<>();
        clock.scheduleAt(T0.toEpochMilli(), () -> ran.add("now"));
        assertThat(ran).containsExactly("now");
    }

    @Test
    void systemModeWithOffsetFollowsWallTimeAndFreezeStopsIt() {
        try (ServerClock clock = ServerClock.system()) {
            long before = System.currentTimeMillis();
            clock.advance(Duration.ofDays(1));
            assertThat(clock.millis()).isGreaterThanOrEqualTo(before + Duration.ofDays(1).toMillis());
            clock.freeze();
            long frozen = clock.millis();
            assertThat(clock.millis()).isEqualTo(frozen);
            clock.resetToSystem();
            assertThat(clock.millis()).isLessThan(before + Duration.ofHours(1).toMillis());
        }
    }
}
