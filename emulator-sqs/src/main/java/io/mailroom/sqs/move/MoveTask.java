package io.mailroom.sqs.move;

import io.mailroom.core.error.AwsException;
import io.mailroom.core.time.Cancellable;
import io.mailroom.core.time.Clock;
import io.mailroom.core.time.Scheduler;
import io.mailroom.sqs.message.Message;
import io.mailroom.sqs.queue.Queue;
import io.mailroom.sqs.queue.QueueAddress;
import io.mailroom.sqs.queue.QueueDirectory;
import java.util.List;

/**
 * One StartMessageMoveTask: moves the messages of a dead-letter queue to a destination (by default each
 * message's original source queue) at a steady rate. Progress is driven by scheduled ticks; each tick moves
 * what the rate allows since the start, then schedules itself for when the next message is due.
 */
public final class MoveTask {
    /** Without MaxNumberOfMessagesPerSecond SQS picks a rate; the documented maximum is as good as any. */
    static final int DEFAULT_RATE = 500;
    private static final int MAX_PER_TICK = 1000;

    private final String taskId;
    private final Queue source;
    private final String destinationArn;
    private final Integer maxPerSecond;
    private final Clock clock;
    private final Scheduler scheduler;
    private final QueueDirectory directory;
    private final long startedAt;
    private final long toMove;

    private MoveTaskStatus status = MoveTaskStatus.RUNNING;
    private long moved;
    private String failureReason;
    private Cancellable tick;

    MoveTask(String taskId, Queue source, String destinationArn, Integer maxPerSecond, Clock clock,
             Scheduler scheduler, QueueDirectory directory) {
        this.taskId = taskId;
        this.source = source;
        this.destinationArn = destinationArn;
        this.maxPerSecond = maxPerSecond;
        this.clock = clock;
        this.scheduler = scheduler;
        this.directory = directory;
        this.startedAt = clock.millis();
        this.toMove = source.counts().visible();
    }

    String taskId() {
        return taskId;
    }

    Queue source() {
        return source;
    }

    long startedAt() {
        return startedAt;
    }

    String handle() {
        return new MoveTaskHandle(taskId, source.arn()).encode();
    }

    synchronized void start() {
        scheduleNext(startedAt);
    }

    synchronized boolean active() {
        return status == MoveTaskStatus.RUNNING;
    }

    /** Stops the task; answers how many messages it had moved. */
    synchronized long cancel() {
        status = MoveTaskStatus.CANCELLED;
        if (tick != null) {
            tick.cancel();
            tick = null;
        }
        return moved;
    }

    synchronized MoveTaskView view() {
        return new MoveTaskView(status == MoveTaskStatus.RUNNING ? handle() : null, status, source.arn(),
                destinationArn, maxPerSecond, moved, toMove, failureReason, startedAt);
    }

    private int rate() {
        return maxPerSecond != null ? maxPerSecond : DEFAULT_RATE;
    }

    private synchronized void run() {
        tick = null;
        if (status != MoveTaskStatus.RUNNING) {
            return;
        }
        long now = clock.millis();
        long allowed = (now - startedAt) * rate() / 1000;
        int batch = (int) Math.min(Math.min(allowed - moved, MAX_PER_TICK), toMove - moved);
        try {
            if (batch > 0) {
                List<Message> taken = source.takeForMove(batch);
                moveAll(taken);
                if (taken.size() < batch) {
                    status = MoveTaskStatus.COMPLETED;
                    return;
                }
            }
        } catch (AwsException e) {
            status = MoveTaskStatus.FAILED;
            failureReason = e.error().code();
            return;
        }
        if (moved >= toMove) {
            status = MoveTaskStatus.COMPLETED;
            return;
        }
        scheduleNext(now);
    }

    /**
     * Delivers each message, then lets the source drop it. At the first failure the undelivered rest goes
     * back to the source unchanged, and the failure fails the task as a missing target fails AWS's. Never
     * holds two queue locks: a queue's lock is released before another's is taken.
     */
    private void moveAll(List<Message> taken) {
        int delivered = 0;
        try {
            for (Message m : taken) {
                destinationOf(m).acceptMoved(m);
                source.finishMove(m);
                delivered++;
                moved++;
            }
        } finally {
            if (delivered < taken.size()) {
                source.handBack(taken.subList(delivered, taken.size()));
            }
        }
    }

    private Queue destinationOf(Message m) {
        String arn = destinationArn != null ? destinationArn : m.deadLetterSourceArn();
        QueueAddress address = arn == null ? null : QueueAddress.fromArn(arn);
        Queue destination = address == null ? null : directory.find(address);
        if (destination == null) {
            throw QueueAddress.noSuchQueue();
        }
        return destination;
    }

    /** The next tick: when the rate allows one more message, never at or before now. */
    private void scheduleNext(long now) {
        long next = startedAt + ((moved + 1) * 1000 + rate() - 1) / rate();
        tick = scheduler.scheduleAt(Math.max(next, now + 1), this::run);
    }
}
