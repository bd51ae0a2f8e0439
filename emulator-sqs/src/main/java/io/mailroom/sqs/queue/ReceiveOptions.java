package io.mailroom.sqs.queue;

/**
 * A validated ReceiveMessage.
 *
 * @param maxMessages       1 to 10
 * @param visibilityTimeout seconds, or null for the queue's
 * @param waitSeconds       seconds, or null for the queue's ReceiveMessageWaitTimeSeconds
 * @param attemptId         FIFO ReceiveRequestAttemptId, or null
 */
public record ReceiveOptions(int maxMessages, Integer visibilityTimeout, Integer waitSeconds, String attemptId) {
}
