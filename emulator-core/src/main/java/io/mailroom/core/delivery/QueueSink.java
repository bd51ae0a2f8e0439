package io.mailroom.core.delivery;

/**
 * How one service puts a message into a queue of this server without knowing SQS's classes
 * (SNS subscriptions, S3 event notifications, SES receipt actions). Implemented by SQS.
 */
public interface QueueSink {

    /**
     * Sends to the queue with this ARN ({@code arn:aws:sqs:region:account:name}) with SendMessage's rules.
     *
     * @return the new message's id
     * @throws io.mailroom.core.error.AwsException as SendMessage would (queue gone, body invalid, ...)
     */
    String send(String queueArn, QueueMessage message);

    /** Whether a queue with this ARN exists now. */
    boolean exists(String queueArn);

    /** Whether the queue with this ARN is a FIFO queue; false when there is no such queue. */
    boolean isFifo(String queueArn);
}
