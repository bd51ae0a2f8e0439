package io.mailroom.sqs.queue;

/** Finds live queues; a queue uses it to reach its dead-letter queue. */
public interface QueueDirectory {
    Queue find(QueueAddress address);
}
