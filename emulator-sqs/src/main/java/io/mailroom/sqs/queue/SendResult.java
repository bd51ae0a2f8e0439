package io.mailroom.sqs.queue;

/** What SendMessage answers about the stored (or de-duplicated) message. */
public record SendResult(String messageId, String sequenceNumber) {
}
