package io.mailroom.sns.delivery;

import io.mailroom.core.delivery.HttpPoster;
import io.mailroom.core.time.Clock;
import io.mailroom.core.time.Scheduler;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One message's POSTs to an HTTP/S endpoint: attempts and retries per the effective retry policy,
 * on the scheduler. Nothing waits: the poster answers asynchronously and a retry is a scheduled task,
 * so a slow or dead endpoint holds up no other subscriber.
 */
public final class HttpDelivery {
    /** The User-Agent of every POST SNS makes. */
    public static final String USER_AGENT = "Amazon Simple Notification Service Agent";
    /** Every POST SNS makes offers compressed answers (recorded on AWS for confirmations and notifications). */
    public static final String ACCEPT_ENCODING = "gzip,deflate";

    private final Clock clock;
    private final Scheduler scheduler;
    private final HttpPoster poster;

    public HttpDelivery(Clock clock, Scheduler scheduler, HttpPoster poster) {
        this.clock = clock;
        this.scheduler = scheduler;
        this.poster = poster;
    }

    /**
     * Starts delivering.
     *
     * @param stillWanted  checked before each retry: false once the subscription is gone
     * @param onExhausted  called with the last failure once retries are exhausted
     */
    public void start(URI target, Map<String, String> headers, byte[] body, RetryPolicy policy,
                      DeliveryLog.Tracker tracker, BooleanSupplier stillWanted, Consumer<String> onExhausted) {
        attempt(target, headers, body, policy, tracker, stillWanted, onExhausted);
    }

    private void attempt(URI target, Map<String, String> headers, byte[] body, RetryPolicy policy,
                         DeliveryLog.Tracker tracker, BooleanSupplier stillWanted, Consumer<String> onExhausted) {
        tracker.attempted(clock.millis());
        CompletableFuture<Integer> answer;
        try {
            answer = poster.post(target, headers, body);
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        answer.whenComplete((status, error) -> {
            if (error == null && status != null && status >= 200 && status < 300) {
                tracker.outcome(DeliveryStatus.DELIVERED, status, null);
                return;
            }
            int code = status == null ? 0 : status;
            String reason = error != null ? "No response: " + rootMessage(error) : "HTTP status " + code;
            int retriesDone = tracker.attempts() - 1;
            if (retriesDone >= policy.numRetries()) {
                tracker.outcome(DeliveryStatus.FAILED, code, reason);
                onExhausted.accept(reason);
                return;
            }
            tracker.outcome(DeliveryStatus.RETRYING, code, reason);
            long at = clock.millis() + policy.delayMillisBeforeRetry(retriesDone + 1);
            scheduler.scheduleAt(at, () -> {
                if (stillWanted.getAsBoolean()) {
                    attempt(target, headers, body, policy, tracker, stillWanted, onExhausted);
                } else {
                    tracker.outcome(DeliveryStatus.FAILED, code, "Subscription deleted");
                }
            });
        });
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }
}
