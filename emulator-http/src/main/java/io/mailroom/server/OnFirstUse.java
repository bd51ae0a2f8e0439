package io.mailroom.server;

import io.mailroom.http.dispatch.MadeOnFirstUse;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A service made by the first caller that needs it, then shared. SNS, SES and the object store start this
 * way: together they are a third of the server's start-up (classes, operation tables), and a test suite
 * that only uses SQS never needs them.
 */
final class OnFirstUse<T> implements Supplier<T>, MadeOnFirstUse {
    private final Supplier<T> factory;
    private volatile T instance;

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

    /** The instance if some caller has needed it already; never makes it. */
    Optional<T> ifMade() {
        return Optional.ofNullable(instance);
    }
}
