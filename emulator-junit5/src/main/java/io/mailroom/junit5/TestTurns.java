package io.mailroom.junit5;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Tests that share one server take turns with it, from the extension's before-each step to its after-each
 * step. They share its state and its one clock, so under JUnit's parallel execution one test's reset (or
 * its clock going back to system time afterwards) would otherwise land in the middle of another test.
 * Running them one at a time costs nothing they could have gained: a per-method server is the way to run
 * tests on Mailroom in parallel.
 *
 * <p>JUnit 5.12's {@code ResourceLocksProvider} would let JUnit schedule this itself, but the extension
 * supports older JUnit versions, so it is a lock. Fair, so no test waits forever behind later arrivals;
 * reentrant, because JUnit runs a test's before- and after-each steps on one thread and a worker thread
 * that waits for dynamic tests may run another test of the same server meanwhile, which must not deadlock.
 */
final class TestTurns {
    private final ReentrantLock turn = new ReentrantLock(true);

    /** Waits until no other test holds the server. */
    void take() {
        turn.lock();
    }

    void release() {
        turn.unlock();
    }
}
