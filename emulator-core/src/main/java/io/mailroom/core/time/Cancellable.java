package io.mailroom.core.time;

/** A scheduled task that can still be called off; cancelling after it ran does nothing. */
@FunctionalInterface
public interface Cancellable {
    void cancel();
}
