package io.mailroom.sqs.queue;

import io.mailroom.sqs.message.MessageAttributes;
import io.mailroom.sqs.message.MessageBody;
import io.mailroom.sqs.message.SystemAttributes;

/**
 * A validated message to enqueue.
 *
 * @param delaySeconds    per-message delay, or null for the queue's
 * @param groupId         MessageGroupId (required on FIFO queues, optional on standard ones), or null
 * @param deduplicationId FIFO: the explicit or content-based de-duplication id; null on standard queues
 */
public record SendRequest(MessageBody body, String md5OfBody, MessageAttributes attributes,
                          SystemAttributes systemAttributes, Integer delaySeconds, String groupId,
                          String deduplicationId, String senderId) {
}
