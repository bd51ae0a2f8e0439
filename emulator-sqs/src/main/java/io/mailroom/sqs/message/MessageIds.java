package io.mailroom.sqs.message;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Message ids look like AWS's: random (version 4) UUIDs. ThreadLocalRandom keeps the hot path lock-free. */
public final class MessageIds {
    private MessageIds() {
    }

    public static UUID next() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long msb = (r.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
