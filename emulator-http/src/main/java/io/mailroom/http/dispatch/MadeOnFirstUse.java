package io.mailroom.http.dispatch;

/**
 * A service that is made by the first request that needs it. Making one loads its classes and builds its
 * operation table, 0.1–0.3 s once: the dispatcher does that on a thread of its own, not on the event loop
 * that every other connection is waiting on.
 */
public interface MadeOnFirstUse {
    /** Whether the service exists yet; never makes it. */
    boolean made();

    /** Makes the service if no caller has yet; blocks until it exists. */
    void make();
}
