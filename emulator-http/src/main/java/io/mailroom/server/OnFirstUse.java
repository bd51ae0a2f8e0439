package io.mailroom.server;

import io.mailroom.http.dispatch.MadeOnFirstUse;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A service made by the first caller that needs it, then shared. SNS, SES and the object store start this
 * way: together they are a third of the server's start-up (classes, operation tables), and a test suite
 * that only uses SQS never needs them.
 */
final class OnFirstUse<T> implements Supplier<T>, MadeOnFirstUse {
    private final Supplier<T> factory;
    private volatile T instance;
    /** The making started off its callers' threads, shared by every caller that waits for it meanwhile. */
    private final AtomicReference<CompletableFuture<Void>> making = new AtomicReference<>();

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

    /** One thread makes it however many callers wait; a making that failed is tried again by the next caller. */
    @Override
    public CompletableFuture<Void> madeOffThisThread() {
        if (made()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> started = new CompletableFuture<>();
        if (!making.compareAndSet(null, started)) {
            CompletableFuture<Void> current = making.get();
            return current != null ? current : madeOffThisThread();
        }
        MadeOnFirstUse.super.madeOffThisThread().whenComplete((done, failure) -> {
            if (failure != null) {
                making.compareAndSet(started, null);
                started.completeExceptionally(failure);
            } else {
                started.complete(null);
            }
        });
        return started;
    }

    /** The instance if some caller has needed it already; never makes it. */
    Optional<T> ifMade() {
        return Optional.ofNullable(instance);
    }
}
