package io.mailroom.s3.object;

import io.mailroom.s3.S3Errors;
import java.nio.charset.StandardCharsets;

/** Object key limits: at most 1024 bytes of UTF-8 (https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html). */
public final class ObjectKey {
    public static final int MAX_BYTES = 1024;

    private ObjectKey() {
    }

    public static String validate(String key) {
        if (key == null || key.isEmpty()) {
            throw S3Errors.INVALID_ARGUMENT.exception("Object key must not be empty");
        }
        if (tooLong(key)) {
            throw S3Errors.KEY_TOO_LONG.exception("Your key is too long");
        }
        return key;
    }

    public static boolean tooLong(String key) {
        // Every UTF-16 unit becomes at most 3 bytes, so short keys need no encoding to be checked.
        return key.length() * 3 > MAX_BYTES && key.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES;
    }
}
