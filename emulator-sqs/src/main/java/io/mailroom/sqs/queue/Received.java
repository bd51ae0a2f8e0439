package io.mailroom.sqs.queue;

import io.mailroom.sqs.message.Message;

/**
 * One message as a receive handed it out: the receive-time values are copied because the message may be
 * received again (and change) before the answer is rendered.
 */
public record Received(Message message, String receiptHandle, int receiveCount, long firstReceivedAt) {
}
