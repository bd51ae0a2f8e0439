package io.mailroom.core.time;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The clock and scheduler every engine uses. It follows the system clock plus an offset, or stands
 * still ({@link #freeze}) so that only {@link #advance} and {@link #set} move it. Moving it forward runs
 * every task that became due, in time order, on the calling thread; in system mode a single daemon
 * thread runs tasks as wall time reaches them.
 */
public final class ServerClock implements Clock, Scheduler, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ServerClock.class);

    private final LongSupplier wallClock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final PriorityQueue<Task> tasks = new PriorityQueue<>();
    private final Thread timer;
    private volatile long offset;
    private volatile long frozenAt;
    private volatile boolean frozen;
    private volatile boolean closed;
    private long sequence;

    private ServerClock(LongSupplier wallClock, boolean frozen, long frozenAt, boolean startTimer) {
        this.wallClock = wallClock;
        this.frozen = frozen;
        this.frozenAt = frozenAt;
        if (startTimer) {
            timer = new Thread(this::runTimer, "mailroom-clock");
            timer.setDaemon(true);
            timer.start();
        } else {
            timer = null;
        }
    }

    /** Follows the system clock; tasks fire on a daemon thread. */
    public static ServerClock system() {
        return new ServerClock(System::currentTimeMillis, false, 0, true);
    }

    /** Stands still at {@code start} until advanced; no thread is started. For unit tests. */
    public static ServerClock manual(Instant start) {
        return new ServerClock(System::currentTimeMillis, true, start.toEpochMilli(), false);
    }

    @Override
    public long millis() {
        return frozen ? frozenAt : wallClock.getAsLong() + offset;
    }

    public Instant now() {
        return Instant.ofEpochMilli(millis());
    }

    public boolean isFrozen() {
        return frozen;
    }

    /**
     * Moves time forward and runs everything that became due, in time order; while a task runs, the
     * clock reads that task's due time, so whatever it records is stamped as if it had run on time.
     */
    public void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("time only moves forward: " + by);
        }
        moveTo(millis() + by.toMillis());
    }

    /** Jumps to {@code instant}; forward, due tasks run in order as with {@link #advance}. */
    public void set(Instant instant) {
        moveTo(instant.toEpochMilli());
    }

    private void moveTo(long target) {
        while (true) {
            Task next;
            lock.lock();
            try {
                next = tasks.peek();
                while (next != null && next.cancelled) {
                    tasks.poll();
                    next = tasks.peek();
                }
                if (next == null || next.at > target) {
                    setTime(target);
                    changed.signalAll();
                    return;
                }
                tasks.poll();
                if (next.at > millis()) {
                    setTime(next.at);
                }
            } finally {
                lock.unlock();
            }
            next.run();
        }
    }

    private void setTime(long target) {
        if (frozen) {
            frozenAt = target;
        } else {
            offset = target - wallClock.getAsLong();
        }
    }

    /** Stops time where it is; only advance/set move it from now on. */
    public void freeze() {
        lock.lock();
        try {
            frozenAt = millis();
            frozen = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Lets time run again with the system clock from where it stands. */
    public void resume() {
        lock.lock();
        try {
            if (frozen) {
                offset = frozenAt - wallClock.getAsLong();
                frozen = false;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        runDue();
    }

    /** Back to the plain system clock. */
    public void resetToSystem() {
        lock.lock();
        try {
            frozen = false;
            offset = 0;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        runDue();
    }

    @Override
    public Cancellable scheduleAt(long atMillis, Runnable task) {
        Task t;
        lock.lock();
        try {
            t = new Task(atMillis, sequence++, task);
            boolean first = tasks.isEmpty() || tasks.peek().compareTo(t) > 0;
            tasks.add(t);
            if (first) {
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
        if (atMillis <= millis() && frozen) {
            runDue();
        }
        return t;
    }

    /** Number of tasks waiting (cancelled ones included until they are reached). For tests. */
    public int pendingTasks() {
        lock.lock();
        try {
            return (int) tasks.stream().filter(t -> !t.cancelled).count();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Number of live tasks due exactly at {@code atMillis}. For tests that wait for one particular
     * task on a server whose other tasks (left by earlier tests) come and go meanwhile.
     */
    public int pendingTasksAt(long atMillis) {
        lock.lock();
        try {
            return (int) tasks.stream().filter(t -> t.at == atMillis && !t.cancelled).count();
        } finally {
            lock.unlock();
        }
    }

    /** Runs every task due at the current time, on this thread. */
    public void runDue() {
        while (true) {
            List<Task> due = takeDue();
            if (due.isEmpty()) {
                return;
            }
            for (Task t : due) {
                t.run();
            }
        }
    }

    private List<Task> takeDue() {
        List<Task> due = new ArrayList<>(2);
        lock.lock();
        try {
            long now = millis();
            while (!tasks.isEmpty() && tasks.peek().at <= now) {
                Task t = tasks.poll();
                if (!t.cancelled) {
                    due.add(t);
                }
            }
        } finally {
            lock.unlock();
        }
        return due;
    }

    private void runTimer() {
        while (!closed) {
            lock.lock();
            try {
                while (!closed) {
                    Task head = tasks.peek();
                    if (head != null && head.cancelled) {
                        tasks.poll();
                        continue;
                    }
                    long wait = head == null || frozen ? Long.MAX_VALUE : head.at - millis();
                    if (wait <= 0) {
                        break;
                    }
                    try {
                        if (wait == Long.MAX_VALUE) {
                            changed.await();
                        } else {
                            changed.await(wait, java.util.concurrent.TimeUnit.MILLISECONDS);
                        }
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            } finally {
                lock.unlock();
            }
            runDue();
        }
    }

    @Override
    public void close() {
        closed = true;
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private static final class Task implements Comparable<Task>, Cancellable {
        final long at;
        final long seq;
        final Runnable action;
        volatile boolean cancelled;

        Task(long at, long seq, Runnable action) {
            this.at = at;
            this.seq = seq;
            this.action = action;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        void run() {
            if (cancelled) {
                return;
            }
            cancelled = true;
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.error("scheduled task failed", e);
            }
        }

        @Override
        public int compareTo(Task o) {
            int c = Long.compare(at, o.at);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }
}
