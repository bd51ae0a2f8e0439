package io.mailroom.server;

import io.mailroom.http.dispatch.MadeOnFirstUse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A service made by the first caller that needs it, then shared. SNS, SES and the object store start this
 * way: together they are a third of the server's start-up (classes, operation tables), and a test suite
 * that only uses SQS never needs them.
 */
final class OnFirstUse<T> implements Supplier<T>, MadeOnFirstUse {
    private final Supplier<T> factory;
    private volatile T instance;
    /**
     * Guards {@link #waiters}. Not {@code this}: {@link #get} holds that for the whole making, and a caller on an
     * event loop must not wait for it.
     */
    private final Object waitersLock = new Object();
    /** Callers waiting for the making under way, in the order they came; null while none is under way. */
    private List<CompletableFuture<Void>> waiters;

    OnFirstUse(Supplier<T> factory) {
        this.factory = factory;
    }

    @Override
    public T get() {
        T made = instance;
        if (made == null) {
            synchronized (this) {
                made = instance;
                if (made == null) {
                    made = factory.get();
                    instance = made;
                }
            }
        }
        return made;
    }

    @Override
    public boolean made() {
        return instance != null;
    }

    @Override
    public void make() {
        get();
    }

    /**
     * One thread makes it however many callers wait; a making that failed is tried again by the next caller.
     * Each caller has a future of its own, completed in the order the callers came: with one shared future
     * their continuations would run newest first (CompletableFuture runs its dependents as a stack), so a
     * client's CreateBucket could run after the GetBucket it sent next.
     */
    @Override
    public CompletableFuture<Void> madeOffThisThread() {
        if (made()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> mine = new CompletableFuture<>();
        boolean first;
        synchronized (waitersLock) {
            if (made()) {
                // Made: this caller goes on at once, possibly before the waiters are told. Those are other
                // connections' requests (a connection's own wait for each other's answers), so no order is owed.
                return CompletableFuture.completedFuture(null);
            }
            first = waiters == null;
            if (first) {
                waiters = new ArrayList<>();
            }
            waiters.add(mine);
        }
        if (first) {
            MadeOnFirstUse.super.madeOffThisThread().whenComplete((done, failure) -> tellWaiters(failure));
        }
        return mine;
    }

    private void tellWaiters(Throwable failure) {
        List<CompletableFuture<Void>> told;
        synchronized (waitersLock) {
            told = waiters;
            waiters = null;
        }
        for (CompletableFuture<Void> waiter : told) {
            if (failure == null) {
                waiter.complete(null);
            } else {
                waiter.completeExceptionally(failure);
            }
        }
    }

    /** The instance if some caller has needed it already; never makes it. */
    Optional<T> ifMade() {
        return Optional.ofNullable(instance);
    }
}
