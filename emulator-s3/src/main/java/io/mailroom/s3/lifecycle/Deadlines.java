package io.mailroom.s3.lifecycle;

import io.mailroom.s3.object.UtcMidnight;

/**
 * Lifecycle days count from an object's creation (an upload's initiation) and end at the following midnight UTC:
 * created 15 January 10:30 with 3 days, it is due 19 January 00:00
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/intro-lifecycle-rules.html).
 */
final class Deadlines {
    private Deadlines() {
    }

    static long afterDays(long created, int days) {
        return UtcMidnight.atOrAfter(created + days * UtcMidnight.DAY_MILLIS);
    }
}
