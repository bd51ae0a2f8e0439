package io.mailroom.http.dispatch;

import io.mailroom.core.error.ErrorCode;
import io.mailroom.s3.S3Errors;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The time limit of a presigned S3 request (query-string authentication), judged on the server's clock as
 * S3 judges it on its own: a test can move the clock past a URL's expiry and see S3's refusal. Signature
 * Version 4 URLs expire {@code X-Amz-Expires} seconds after {@code X-Amz-Date}, at most a week; Version 2
 * URLs (the AWS CLI v1's {@code aws s3 presign}) at the epoch second in {@code Expires}. Signatures are not
 * checked, as nowhere in Mailroom.
 * See https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html
 */
final class PresignedExpiry {
    private static final ErrorCode PARAMETERS = S3Errors.AUTHORIZATION_QUERY_PARAMETERS_ERROR;
    private static final long MAX_SECONDS = 604_800;
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'");

    private PresignedExpiry() {
    }

    /** Refuses a presigned request whose time is up at {@code nowMillis}; any other request passes. */
    static void check(Map<String, List<String>> query, long nowMillis) {
        if (query.containsKey("X-Amz-Signature") || query.containsKey("X-Amz-Algorithm")) {
            checkVersion4(query, nowMillis);
        } else if (query.containsKey("Signature") && query.containsKey("AWSAccessKeyId")) {
            checkVersion2(query, nowMillis);
        }
    }

    private static void checkVersion4(Map<String, List<String>> query, long nowMillis) {
        String date = first(query, "X-Amz-Date");
        String expires = first(query, "X-Amz-Expires");
        if (date == null || expires == null) {
            throw PARAMETERS.exception("Query-string authentication version 4 requires the X-Amz-Algorithm,"
                    + " X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires"
                    + " parameters.");
        }
        long seconds;
        try {
            seconds = Long.parseLong(expires);
        } catch (NumberFormatException e) {
            throw PARAMETERS.exception("X-Amz-Expires should be a number");
        }
        if (seconds < 0) {
            throw PARAMETERS.exception("X-Amz-Expires must be non-negative");
        }
        if (seconds > MAX_SECONDS) {
            throw PARAMETERS.exception("X-Amz-Expires must be less than a week (in seconds) that is; 604800");
        }
        long signedAt;
        try {
            signedAt = LocalDateTime.parse(date, AMZ_DATE).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw PARAMETERS.exception("X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\"");
        }
        long expiresAt = signedAt + seconds * 1000;
        if (nowMillis > expiresAt) {
            throw S3Errors.ACCESS_DENIED.exception("Request has expired")
                    .with("X-Amz-Expires", expires)
                    .with("Expires", iso(expiresAt))
                    .with("ServerTime", iso(nowMillis));
        }
    }

    private static void checkVersion2(Map<String, List<String>> query, long nowMillis) {
        String expires = first(query, "Expires");
        if (expires == null) {
            return; // S3 then reads the signature's time from the Date header, which is not checked here
        }
        long epochSeconds;
        try {
            epochSeconds = Long.parseLong(expires);
        } catch (NumberFormatException e) {
            throw S3Errors.ACCESS_DENIED.exception("Invalid date (should be seconds since epoch): %s", expires);
        }
        if (epochSeconds < Long.MAX_VALUE / 1000 && nowMillis > epochSeconds * 1000) {
            throw S3Errors.ACCESS_DENIED.exception("Request has expired")
                    .with("Expires", iso(epochSeconds * 1000))
                    .with("ServerTime", iso(nowMillis));
        }
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String iso(long millis) {
        return Instant.ofEpochMilli(millis).truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
