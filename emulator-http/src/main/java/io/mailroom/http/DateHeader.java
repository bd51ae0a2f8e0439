package io.mailroom.http;

import io.mailroom.core.time.Clock;
import io.mailroom.core.time.HttpDate;
import io.netty.util.AsciiString;

/**
 * The {@code Date} header of every answer. RFC 9110 section 6.6.1 asks an origin server with a clock for one,
 * and AWS sends it on every response; the JavaScript SDK reads it to correct a skewed client clock. It follows
 * the server's clock, as the timestamps in answers do. Formatted once per second of that clock.
 */
final class DateHeader {
    private final Clock clock;
    private volatile Formatted last = new Formatted(Long.MIN_VALUE, AsciiString.EMPTY_STRING);

    DateHeader(Clock clock) {
        this.clock = clock;
    }

    AsciiString now() {
        long second = Math.floorDiv(clock.millis(), 1000L);
        Formatted f = last;
        if (f.second != second) {
            f = new Formatted(second, AsciiString.cached(HttpDate.format(second * 1000L)));
            last = f;
        }
        return f.value;
    }

    private record Formatted(long second, AsciiString value) {
    }
}
