package io.mailroom.bench;

/** One unit of closed-loop work (e.g. send, receive, delete); reports the calls and messages it made. */
@FunctionalInterface
interface LoadIteration {
    void run(Tally tally) throws Exception;
}
