package io.mailroom.sqs.fifo;

import java.util.Iterator;
import java.util.LinkedHashMap;

/**
 * The de-duplication ids a FIFO queue accepted in the last five minutes. A repeat within the window is
 * acknowledged with the original message id but not enqueued; the window runs from the first send and
 * survives the message's deletion.
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/using-messagededuplicationid-property.html
 */
public final class DeduplicationWindow {
    public static final long WINDOW_MILLIS = 5 * 60 * 1000L;

    private final LinkedHashMap<String, Accepted> accepted = new LinkedHashMap<>();

    /** The message accepted under {@code key} within the window, or null. */
    public Accepted find(String key, long now) {
        evict(now);
        return accepted.get(key);
    }

    public void remember(String key, String messageId, String sequenceNumber, long now) {
        accepted.put(key, new Accepted(messageId, sequenceNumber, now + WINDOW_MILLIS));
    }

    public void clear() {
        accepted.clear();
    }

    private void evict(long now) {
        // Insertion order is expiry order: the clock only moves forward.
        Iterator<Accepted> it = accepted.values().iterator();
        while (it.hasNext() && it.next().expiresAt() <= now) {
            it.remove();
        }
    }

    /** What the first send under a de-duplication id answered. */
    public record Accepted(String messageId, String sequenceNumber, long expiresAt) {
    }
}
