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
 * on the scheduler, each when the subscription's throttle lets it go. Nothing waits: the poster answers
 * asynchronously and a retry or a throttled attempt is a scheduled task, so a slow or dead endpoint holds up no
 * other subscriber.
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

    /** What one message's attempts share. */
    private record Delivery(URI target, Map<String, String> headers, byte[] body, RetryPolicy policy,
                            Throttle throttle, Integer perSecond, DeliveryLog.Tracker tracker,
                            BooleanSupplier stillWanted, Consumer<String> onExhausted) {
    }

    /**
     * Starts delivering.
     *
     * @param throttle     the subscription's, shared by all its deliveries
     * @param perSecond    the effective maxReceivesPerSecond, or null for no limit
     * @param stillWanted  checked before each retry: false once the subscription is gone
     * @param onExhausted  called with the last failure once retries are exhausted
     */
    public void start(URI target, Map<String, String> headers, byte[] body, RetryPolicy policy, Throttle throttle,
                      Integer perSecond, DeliveryLog.Tracker tracker, BooleanSupplier stillWanted,
                      Consumer<String> onExhausted) {
        whenFree(new Delivery(target, headers, body, policy, throttle, perSecond, tracker, stillWanted, onExhausted));
    }

    private void whenFree(Delivery d) {
        long now = clock.millis();
        long at = d.perSecond() == null ? now : d.throttle().slot(now, d.perSecond());
        if (at <= now) {
            attempt(d);
        } else {
            scheduler.scheduleAt(at, () -> attempt(d));
        }
    }

    private void attempt(Delivery d) {
        URI target = d.target();
        Map<String, String> headers = d.headers();
        byte[] body = d.body();
        RetryPolicy policy = d.policy();
        DeliveryLog.Tracker tracker = d.tracker();
        BooleanSupplier stillWanted = d.stillWanted();
        Consumer<String> onExhausted = d.onExhausted();
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
                    whenFree(d);
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
