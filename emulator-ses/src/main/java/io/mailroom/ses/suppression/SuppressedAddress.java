package io.mailroom.ses.suppression;

/** An entry of the account-level suppression list (v2 SuppressedDestination). */
public record SuppressedAddress(String emailAddress, SuppressionReason reason, long lastUpdateMillis,
                                String messageId, String feedbackId) {
}
