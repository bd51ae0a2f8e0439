package io.mailroom.sns.email;

/**
 * An email SNS would send to an email or email-json subscriber.
 *
 * @param contentType {@code text/plain} (email) or {@code application/json} (email-json)
 */
public record EmailMessage(String accountId, String region, String from, String to, String subject, String body,
                           String contentType, String topicArn, String subscriptionArn, String messageId,
                           long timestampMillis) {
}
