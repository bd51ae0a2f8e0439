package io.mailroom.sns.topic;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * FIFO topics' five-minute de-duplication interval. Entries are kept in publish order, so expired ones
 * are dropped from the front whenever the window is consulted: no sweeper, no timer.
 */
public final class DeduplicationWindow {
    public static final long INTERVAL_MILLIS = 5 * 60 * 1000L;

    /** What the first publish of a de-duplication id answered. */
    public record Seen(String messageId, String sequenceNumber, long at) {
    }

    private final LinkedHashMap<String, Seen> seen = new LinkedHashMap<>();

    /** The earlier publish with this key within the interval, else records this one and answers null. */
    public synchronized Seen putIfAbsent(String key, Seen candidate, long now) {
        Iterator<Map.Entry<String, Seen>> it = seen.entrySet().iterator();
        while (it.hasNext()) {
            if (it.next().getValue().at() + INTERVAL_MILLIS <= now) {
                it.remove();
            } else {
                break;
            }
        }
        Seen earlier = seen.get(key);
        if (earlier != null) {
            return earlier;
        }
        seen.put(key, candidate);
        return null;
    }

    public synchronized void clear() {
        seen.clear();
    }
}
