package io.mailroom.s3.object;

import io.mailroom.s3.S3Errors;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * CopyObject's {@code x-amz-copy-source}: {@code [/]bucket/key[?versionId=id]}, bucket and key
 * percent-encoded (https://docs.aws.amazon.com/AmazonS3/latest/API/API_CopyObject.html#API_CopyObject_RequestSyntax).
 *
 * @param versionId the version asked for, or null
 */
public record CopySource(String bucket, String key, String versionId) {

    public static CopySource parse(String header) {
        if (header == null || header.isEmpty()) {
            throw S3Errors.INVALID_ARGUMENT.exception("Copy Source must mention the source bucket and key:"
                    + " sourcebucket/sourcekey");
        }
        String path = header;
        String versionId = null;
        int query = header.indexOf('?');
        if (query >= 0) {
            path = header.substring(0, query);
            for (String pair : header.substring(query + 1).split("&")) {
                if (pair.startsWith("versionId=")) {
                    versionId = percentDecode(pair.substring("versionId=".length()));
                }
            }
        }
        String decoded = percentDecode(path);
        if (decoded.startsWith("/")) {
            decoded = decoded.substring(1);
        }
        int slash = decoded.indexOf('/');
        if (slash <= 0 || slash == decoded.length() - 1) {
            throw S3Errors.INVALID_ARGUMENT.exception("Copy Source must mention the source bucket and key:"
                    + " sourcebucket/sourcekey");
        }
        return new CopySource(decoded.substring(0, slash), decoded.substring(slash + 1), versionId);
    }

    /** Percent-decoding of a URI path: unlike form decoding, {@code +} stays a plus sign. */
    private static String percentDecode(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw S3Errors.INVALID_ARGUMENT.exception("Invalid copy source encoding");
        }
    }
}
