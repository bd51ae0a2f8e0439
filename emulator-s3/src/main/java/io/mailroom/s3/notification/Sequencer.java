package io.mailroom.s3.notification;

import io.mailroom.core.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Event records' {@code sequencer}: hexadecimal, fixed width so that comparing the strings orders the
 * events on one key, as AWS documents consumers should
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html). Values
 * follow the clock (millis in the high bits) so they keep increasing across restarts, and a counter
 * breaks ties within a millisecond.
 */
public final class Sequencer {
    private final Clock clock;
    private final AtomicLong last = new AtomicLong();

    public Sequencer(Clock clock) {
        this.clock = clock;
    }

    public String next() {
        long floor = clock.millis() << 20;
        long value = last.updateAndGet(prev -> Math.max(prev + 1, floor));
        return String.format("%018X", value);
    }
}
