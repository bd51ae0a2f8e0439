package io.mailroom.s3.object;

import java.time.Duration;

/** S3's day arithmetic for restores and lifecycle rules: times round up to the next midnight UTC. */
public final class UtcMidnight {
    public static final long DAY_MILLIS = Duration.ofDays(1).toMillis();

    private UtcMidnight() {
    }

    /** Midnight UTC at or after {@code millis}. */
    public static long atOrAfter(long millis) {
        long midnight = Math.floorDiv(millis, DAY_MILLIS) * DAY_MILLIS;
        return midnight == millis ? midnight : midnight + DAY_MILLIS;
    }

    /** {@code days} days after {@code from}, at the following midnight UTC: how S3 counts restore and lifecycle days. */
    public static long afterDays(long from, int days) {
        return atOrAfter(from + days * DAY_MILLIS);
    }

    public static boolean isMidnight(long millis) {
        return Math.floorMod(millis, DAY_MILLIS) == 0;
    }
}
