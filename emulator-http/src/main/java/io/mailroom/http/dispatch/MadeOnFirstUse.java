package io.mailroom.http.dispatch;

import java.util.concurrent.CompletableFuture;

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

    /**
     * Completes once the service exists: at once if it does, else after {@link #make()} ran on a thread of its
     * own, never the caller's (an event loop must not wait for it). Completes exceptionally if making it failed.
     */
    default CompletableFuture<Void> madeOffThisThread() {
        if (made()) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.runAsync(this::make, task -> {
            Thread thread = new Thread(task, "mailroom-first-use");
            thread.setDaemon(true);
            thread.start();
        });
    }
}
