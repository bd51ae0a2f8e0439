package io.mailroom.sns.delivery;

/**
 * A snapshot of one delivery, kept per subscription for a dashboard.
 *
 * @param lastHttpStatus the last HTTP status (HTTP/S only), or 0
 * @param lastError      why the last attempt failed, or null
 */
public record DeliveryRecord(String messageId, DeliveryStatus status, int attempts, int lastHttpStatus,
                             String lastError, long firstAttemptAt, long lastAttemptAt) {
}
