package io.mailroom.sns.delivery;

import java.util.ArrayDeque;
import java.util.List;

/** The most recent deliveries of one subscription (bounded), each tracked while it is retried. */
public final class DeliveryLog {
    public static final int CAPACITY = 100;

    private final ArrayDeque<Tracker> recent = new ArrayDeque<>();

    /** Mutable progress of one delivery; snapshots are immutable {@link DeliveryRecord}s. */
    public static final class Tracker {
        private final String messageId;
        private DeliveryStatus status = DeliveryStatus.RETRYING;
        private int attempts;
        private int lastHttpStatus;
        private String lastError;
        private long firstAttemptAt = -1;
        private long lastAttemptAt = -1;

        Tracker(String messageId) {
            this.messageId = messageId;
        }

        public synchronized void attempted(long at) {
            attempts++;
            if (firstAttemptAt < 0) {
                firstAttemptAt = at;
            }
            lastAttemptAt = at;
        }

        public synchronized void outcome(DeliveryStatus status, int httpStatus, String error) {
            this.status = status;
            this.lastHttpStatus = httpStatus;
            this.lastError = error;
        }

        public synchronized int attempts() {
            return attempts;
        }

        public synchronized DeliveryRecord snapshot() {
            return new DeliveryRecord(messageId, status, attempts, lastHttpStatus, lastError, firstAttemptAt, lastAttemptAt);
        }
    }

    public synchronized Tracker start(String messageId) {
        Tracker t = new Tracker(messageId);
        if (recent.size() == CAPACITY) {
            recent.removeFirst();
        }
        recent.addLast(t);
        return t;
    }

    public synchronized List<DeliveryRecord> records() {
        return recent.stream().map(Tracker::snapshot).toList();
    }
}
