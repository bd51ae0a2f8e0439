package io.mailroom.junit5;

/**
 * One message SNS delivered, or is still trying to deliver, to an HTTP/HTTPS subscription, as
 * {@code GET /_mailroom/api/topics} shows SNS's delivery record.
 *
 * @param topicArn        the topic the message was published to
 * @param subscriptionArn the subscription it was delivered through
 * @param endpoint        the subscription's endpoint URL
 * @param messageId       the message id, as the Publish call returned it
 * @param status          {@code DELIVERED}, {@code RETRYING} (failed, a retry is scheduled), {@code FAILED}
 *                        (given up) or {@code REDRIVEN} (given up and sent to the dead-letter queue)
 * @param attempts        POSTs made so far
 * @param lastHttpStatus  the status the endpoint answered last time, or null when it gave no answer
 */
public record HttpDelivery(String topicArn, String subscriptionArn, String endpoint, String messageId, String status,
                           int attempts, Integer lastHttpStatus) {
    public static final String DELIVERED = "DELIVERED";
    public static final String RETRYING = "RETRYING";
    public static final String FAILED = "FAILED";
    public static final String REDRIVEN = "REDRIVEN";

    /** Whether the endpoint accepted it: status {@code DELIVERED} after a 2xx answer. */
    public boolean isDelivered() {
        return DELIVERED.equals(status) && lastHttpStatus != null && lastHttpStatus >= 200 && lastHttpStatus < 300;
    }

    /** Whether SNS gave up on it ({@code FAILED} or {@code REDRIVEN}). */
    public boolean isGivenUp() {
        return FAILED.equals(status) || REDRIVEN.equals(status);
    }
}
