package io.mailroom.sns.topic;

import io.mailroom.sns.publish.Notification;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A FIFO topic's message archive, on while its ArchivePolicy is set: every message published meanwhile, in order,
 * kept for the policy's retention period so that subscriptions can have them replayed. Expired messages leave on
 * the next access; turning the policy off deletes them all.
 * See https://docs.aws.amazon.com/sns/latest/dg/message-archiving-and-replay-topic-owner.html
 */
public final class MessageArchive {
    private static final long DAY_MILLIS = 86_400_000L;

    private final ArrayDeque<Notification> messages = new ArrayDeque<>();
    private long retentionMillis;
    private long startedAt = -1;

    /** Turns archiving on, or changes the retention of an archive that is on (its start stays). */
    public synchronized void enable(int retentionDays, long now) {
        retentionMillis = retentionDays * DAY_MILLIS;
        if (startedAt < 0) {
            startedAt = now;
        }
        prune(now);
    }

    public synchronized void disable() {
        messages.clear();
        startedAt = -1;
    }

    public synchronized boolean isOn() {
        return startedAt >= 0;
    }

    /** Keeps a published message while archiving is on. */
    public synchronized void add(Notification n, long now) {
        if (startedAt >= 0) {
            prune(now);
            messages.addLast(n);
        }
    }

    /**
     * The topic's BeginningArchiveTime: the oldest time a replay can start from, when archiving began or, once the
     * archive is older than its retention, that long ago. Negative while archiving is off.
     */
    public synchronized long beginning(long now) {
        prune(now);
        return startedAt < 0 ? -1 : Math.max(startedAt, now - retentionMillis);
    }

    /** The archived messages published from {@code from} to {@code to}, both included, in the order published. */
    public synchronized List<Notification> publishedBetween(long from, long to, long now) {
        prune(now);
        List<Notification> out = new ArrayList<>();
        for (Notification n : messages) {
            if (n.timestampMillis() >= from && n.timestampMillis() <= to) {
                out.add(n);
            }
        }
        return out;
    }

    private void prune(long now) {
        while (!messages.isEmpty() && messages.peekFirst().timestampMillis() < now - retentionMillis) {
            messages.removeFirst();
        }
    }
}
