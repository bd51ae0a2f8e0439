package io.mailroom.sqs.message;

/** Where a stored message is in its life. */
public enum MessageState {
    /** Waiting for its delay to end. */
    DELAYED,
    /** Receivable. */
    VISIBLE,
    /** Received; hidden until its visibility timeout ends. */
    INFLIGHT,
    /** Deleted, expired, purged or moved to another queue. */
    GONE
}
