package io.mailroom.sns.delivery;

/** Where one delivery of one message to one subscription stands. */
public enum DeliveryStatus {
    /** Attempted, failed, a retry is scheduled. */
    RETRYING,
    DELIVERED,
    /** Given up: retries exhausted or a client error; no dead-letter queue took it. */
    FAILED,
    /** Given up and sent to the subscription's dead-letter queue. */
    REDRIVEN,
    /** Recorded for inspection instead of being sent (email, SMS, push, Lambda, Firehose). */
    RECORDED
}
