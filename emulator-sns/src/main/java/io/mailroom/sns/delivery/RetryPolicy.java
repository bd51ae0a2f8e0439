package io.mailroom.sns.delivery;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A healthyRetryPolicy: after the first attempt, {@code numRetries} retries in four phases — immediate
 * (no delay), pre-backoff (minDelayTarget apart), backoff (growing from min to max by the backoff
 * function) and post-backoff (maxDelayTarget apart).
 * https://docs.aws.amazon.com/sns/latest/dg/sns-message-delivery-retries.html
 */
public record RetryPolicy(int numRetries, int numNoDelayRetries, int minDelayTarget, int numMinDelayRetries,
                          int maxDelayTarget, int numMaxDelayRetries, BackoffFunction backoffFunction) {

    /** AWS's default for HTTP/S: three retries 20 seconds apart. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, 0, 20, 0, 20, 0, BackoffFunction.LINEAR);

    /** Retries in the backoff phase: whatever the other phases leave of numRetries. */
    public int numBackoffRetries() {
        return Math.max(0, numRetries - numNoDelayRetries - numMinDelayRetries - numMaxDelayRetries);
    }

    /** Delay in milliseconds before retry {@code retry} (1-based, ≤ numRetries). */
    public long delayMillisBeforeRetry(int retry) {
        if (retry <= numNoDelayRetries) {
            return 0;
        }
        int r = retry - numNoDelayRetries;
        if (r <= numMinDelayRetries) {
            return minDelayTarget * 1000L;
        }
        r -= numMinDelayRetries;
        int backoff = numBackoffRetries();
        if (r <= backoff) {
            return Math.round(backoffFunction.delaySeconds(minDelayTarget, maxDelayTarget, r, backoff) * 1000);
        }
        return maxDelayTarget * 1000L;
    }

    /** Total seconds of all retry delays; AWS caps it at 3,600 for HTTP/S. */
    public long totalDelaySeconds() {
        long total = 0;
        for (int i = 1; i <= numRetries; i++) {
            total += delayMillisBeforeRetry(i);
        }
        return total / 1000;
    }

    /** Rendered with AWS's key order. */
    public ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("minDelayTarget", minDelayTarget);
        n.put("maxDelayTarget", maxDelayTarget);
        n.put("numRetries", numRetries);
        n.put("numMaxDelayRetries", numMaxDelayRetries);
        n.put("numNoDelayRetries", numNoDelayRetries);
        n.put("numMinDelayRetries", numMinDelayRetries);
        n.put("backoffFunction", backoffFunction.wireName());
        return n;
    }
}
