package io.mailroom.core.time;

/**
 * Runs a task once the {@link Clock} reaches a time. Engines use it for the few things that must
 * happen without a request (a long poll timing out, a delayed message waking a waiting poller), never
 * for sweeping state: expiry is computed from timestamps when state is next read.
 * Tasks run on the scheduler's own thread or on the thread advancing a manual clock; they must be short.
 */
@FunctionalInterface
public interface Scheduler {
    Cancellable scheduleAt(long atMillis, Runnable task);
}
