package io.mailroom.core.time;

/** The server's notion of now. Engines read time only from here, so tests can drive it by hand. */
@FunctionalInterface
public interface Clock {
    long millis();
}
