package io.mailroom.s3.object;

import io.mailroom.s3.S3Errors;

/**
 * Whether CopyObject keeps the source's metadata and headers ({@code COPY}, the default) or takes the
 * request's ({@code REPLACE}).
 */
public enum MetadataDirective {
    COPY,
    REPLACE;

    public static MetadataDirective parse(String value) {
        if (value == null) {
            return COPY;
        }
        return switch (value) {
            case "COPY" -> COPY;
            case "REPLACE" -> REPLACE;
            default -> throw S3Errors.INVALID_ARGUMENT.exception("Unknown metadata directive.");
        };
    }
}
