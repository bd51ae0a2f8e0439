package io.mailroom.sns;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One daemon thread, shared by every server in the JVM, that runs the deliveries waiting for an RSA
 * signature. A signature costs about a millisecond of CPU; done on a request thread it would stall other
 * clients, and on the clock's timer thread it would delay long-poll wake-ups and retries.
 */
final class SigningThread {
    private static final ExecutorService SHARED = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "mailroom-sns-signer");
        thread.setDaemon(true);
        return thread;
    });

    private SigningThread() {
    }

    static ExecutorService shared() {
        return SHARED;
    }
}
