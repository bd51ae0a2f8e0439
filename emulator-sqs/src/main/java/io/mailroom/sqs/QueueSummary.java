package io.mailroom.sqs;

/**
 * One queue as a dashboard lists it: where it lives and its Approximate* counters, read without changing
 * any message (the same passage-of-time bookkeeping GetQueueAttributes does).
 *
 * @param deadLetterTargetArn the RedrivePolicy's target, or null
 */
public record QueueSummary(String accountId, String region, String name, String arn, boolean fifo,
                           int visible, int inflight, int delayed, String deadLetterTargetArn) {
}
