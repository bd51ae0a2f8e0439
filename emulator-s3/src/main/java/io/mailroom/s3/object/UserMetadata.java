package io.mailroom.s3.object;

import io.mailroom.s3.S3Errors;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * User-defined metadata ({@code x-amz-meta-*}). HTTP header names are case-insensitive and S3 returns
 * them in lowercase, so names are stored lowercased. The sum of the UTF-8 bytes of names and values is
 * limited to 2 KB (https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingMetadata.html).
 */
public final class UserMetadata {
    public static final int MAX_BYTES = 2048;

    private UserMetadata() {
    }

    public static Map<String, String> normalize(Map<String, String> given) {
        Map<String, String> out = new TreeMap<>();
        int bytes = 0;
        for (Map.Entry<String, String> e : given.entrySet()) {
            String name = e.getKey().toLowerCase(Locale.ROOT);
            String value = e.getValue() == null ? "" : e.getValue();
            bytes += name.getBytes(StandardCharsets.UTF_8).length + value.getBytes(StandardCharsets.UTF_8).length;
            out.put(name, value);
        }
        if (bytes > MAX_BYTES) {
            throw S3Errors.METADATA_TOO_LARGE.exception("Your metadata headers exceed the maximum allowed metadata size");
        }
        return Map.copyOf(out);
    }
}
