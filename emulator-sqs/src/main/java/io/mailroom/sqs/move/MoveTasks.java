package io.mailroom.sqs.move;

import io.mailroom.core.time.Clock;
import io.mailroom.core.time.Scheduler;
import io.mailroom.sqs.SqsErrors;
import io.mailroom.sqs.queue.Queue;
import io.mailroom.sqs.queue.QueueDirectory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The message move tasks of the service: started, listed per source queue, cancelled. */
public final class MoveTasks {
    private final Clock clock;
    private final Scheduler scheduler;
    private final QueueDirectory directory;
    private final Map<String, MoveTask> tasks = new ConcurrentHashMap<>();

    public MoveTasks(Clock clock, Scheduler scheduler, QueueDirectory directory) {
        this.clock = clock;
        this.scheduler = scheduler;
        this.directory = directory;
    }

    /** Starts moving; only one active task per source queue. Answers the task handle. */
    public synchronized String start(Queue source, String destinationArn, Integer maxPerSecond) {
        for (MoveTask t : tasks.values()) {
            if (t.source() == source && t.active()) {
                throw SqsErrors.INVALID_PARAMETER_VALUE.exception("There is already a task running. Only one active"
                        + " task is allowed for a source queue arn at a given time.");
            }
        }
        MoveTask task = new MoveTask(UUID.randomUUID().toString(), source, destinationArn, maxPerSecond, clock,
                scheduler, directory);
        tasks.put(task.taskId(), task);
        task.start();
        return task.handle();
    }

    /** Cancels a running task; answers how many messages it had moved. */
    public long cancel(String taskId) {
        MoveTask task = tasks.get(taskId);
        if (task == null) {
            throw SqsErrors.RESOURCE_NOT_FOUND.exception("Task does not exist.");
        }
        if (!task.active()) {
            throw SqsErrors.INVALID_PARAMETER_VALUE.exception(
                    "Only active (RUNNING) message movement tasks can be cancelled.");
        }
        return task.cancel();
    }

    /** The most recent tasks of a source queue, newest first. */
    public List<MoveTaskView> list(Queue source, int max) {
        List<MoveTask> found = new ArrayList<>();
        for (MoveTask t : tasks.values()) {
            if (t.source().arn().equals(source.arn())) {
                found.add(t);
            }
        }
        found.sort(Comparator.comparingLong(MoveTask::startedAt).reversed());
        List<MoveTaskView> views = new ArrayList<>();
        for (int i = 0; i < found.size() && i < max; i++) {
            views.add(found.get(i).view());
        }
        return views;
    }

    public void clear() {
        for (MoveTask t : tasks.values()) {
            t.cancel();
        }
        tasks.clear();
    }
}
