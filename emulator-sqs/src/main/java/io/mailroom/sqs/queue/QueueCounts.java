package io.mailroom.sqs.queue;

/** The Approximate* counters of GetQueueAttributes. */
public record QueueCounts(int visible, int inflight, int delayed) {
}
