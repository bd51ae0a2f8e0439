package io.mailroom.s3.notification;

/**
 * The request an event comes from.
 *
 * @param principalId who made it ({@code userIdentity.principalId})
 * @param atMillis    when S3 finished processing it
 */
public record Origin(String requestId, String principalId, long atMillis) {
}
