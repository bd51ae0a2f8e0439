package io.mailroom.ses.sending;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counters behind GetSendQuota and GetSendStatistics. AWS reports "data points ... for the last two
 * weeks", each covering 15 minutes; SentLast24Hours counts recipients (one message to three recipients
 * counts three). Old data is dropped when read, not by a sweeper.
 */
public final class SendStatistics {
    static final long BUCKET_MILLIS = 15 * 60 * 1000L;
    static final long RETENTION_MILLIS = 14 * 24 * 3600 * 1000L;
    static final long DAY_MILLIS = 24 * 3600 * 1000L;

    private final TreeMap<Long, long[]> buckets = new TreeMap<>();

    /** A data point: delivery attempts, bounces, complaints, rejects in one 15-minute bucket. */
    public record DataPoint(long startMillis, long deliveryAttempts, long bounces, long complaints, long rejects) {
    }

    public synchronized void attempts(long now, int recipients) {
        bucket(now)[0] += recipients;
    }

    public synchronized void bounce(long now) {
        bucket(now)[1]++;
    }

    public synchronized void complaint(long now) {
        bucket(now)[2]++;
    }

    public synchronized void reject(long now) {
        bucket(now)[3]++;
    }

    public synchronized long sentLast24Hours(long now) {
        long sum = 0;
        for (Map.Entry<Long, long[]> e : buckets.tailMap(now - DAY_MILLIS, false).entrySet()) {
            sum += e.getValue()[0];
        }
        return sum;
    }

    public synchronized List<DataPoint> dataPoints(long now) {
        buckets.headMap(now - RETENTION_MILLIS).clear();
        List<DataPoint> out = new ArrayList<>();
        buckets.forEach((start, c) -> out.add(new DataPoint(start, c[0], c[1], c[2], c[3])));
        return out;
    }

    public synchronized void clear() {
        buckets.clear();
    }

    private long[] bucket(long now) {
        return buckets.computeIfAbsent(now - Math.floorMod(now, BUCKET_MILLIS), k -> new long[4]);
    }
}
