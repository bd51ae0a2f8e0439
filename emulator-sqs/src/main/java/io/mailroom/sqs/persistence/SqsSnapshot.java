package io.mailroom.sqs.persistence;

import io.mailroom.core.time.Clock;
import io.mailroom.core.time.Scheduler;
import io.mailroom.sqs.queue.Queue;
import io.mailroom.sqs.queue.QueueDirectory;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything SQS keeps across a restart: its queues and their messages. Message move tasks are not part
 * of it (they are short-lived; a restart ends them, leaving the messages not yet moved in the source).
 *
 * @param format {@link #FORMAT}; a file of another format is refused rather than misread
 */
public record SqsSnapshot(int format, List<QueueSnapshot> queues) {
    public static final int FORMAT = 1;

    public SqsSnapshot {
        if (format != FORMAT) {
            throw new IllegalArgumentException("unsupported snapshot format " + format + " (expected " + FORMAT + ")");
        }
        queues = queues == null ? List.of() : List.copyOf(queues);
    }

    public static SqsSnapshot of(List<Queue> queues) {
        List<QueueSnapshot> taken = new ArrayList<>(queues.size());
        for (Queue q : queues) {
            taken.add(QueueSnapshot.of(q));
        }
        return new SqsSnapshot(FORMAT, taken);
    }

    /** The queues with their messages, not yet registered anywhere. */
    public List<Queue> toQueues(Clock clock, Scheduler scheduler, QueueDirectory directory) {
        List<Queue> restored = new ArrayList<>(queues.size());
        for (QueueSnapshot q : queues) {
            restored.add(q.toQueue(clock, scheduler, directory));
        }
        return restored;
    }

    public int messageCount() {
        return queues.stream().mapToInt(q -> q.messages().size()).sum();
    }
}
