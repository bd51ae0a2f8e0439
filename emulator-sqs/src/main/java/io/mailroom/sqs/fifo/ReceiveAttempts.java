package io.mailroom.sqs.fifo;

import java.util.Iterator;
import java.util.LinkedHashMap;

/**
 * FIFO ReceiveRequestAttemptIds of the last five minutes and what each receive returned, so that a retry
 * returns the same messages and receipt handles.
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/using-receiverequestattemptid-request-parameter.html
 *
 * @param <T> what a receive returned
 */
public final class ReceiveAttempts<T> {
    public static final long WINDOW_MILLIS = 5 * 60 * 1000L;

    private final LinkedHashMap<String, Attempt<T>> attempts = new LinkedHashMap<>();

    public T find(String attemptId, long now) {
        Iterator<Attempt<T>> it = attempts.values().iterator();
        while (it.hasNext() && it.next().expiresAt() <= now) {
            it.remove();
        }
        Attempt<T> a = attempts.get(attemptId);
        return a == null ? null : a.result();
    }

    public void remember(String attemptId, T result, long now) {
        attempts.remove(attemptId);
        attempts.put(attemptId, new Attempt<>(result, now + WINDOW_MILLIS));
    }

    public void clear() {
        attempts.clear();
    }

    private record Attempt<T>(T result, long expiresAt) {
    }
}
