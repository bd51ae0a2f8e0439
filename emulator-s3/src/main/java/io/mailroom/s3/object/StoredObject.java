package io.mailroom.s3.object;

import java.util.Map;

/**
 * One object as stored: immutable; a PUT replaces the whole object. The body array is never handed out
 * for writing, and never compared (record equality is not used for objects).
 *
 * @param lastModified epoch millis, whole seconds: S3 reports Last-Modified with second precision and
 *                     compares conditional dates at that precision
 * @param checksum     the additional checksum the upload carried, or null
 */
public record StoredObject(String key, byte[] body, String etag, long lastModified, ObjectHeaders headers,
                           Map<String, String> metadata, String storageClass, StoredChecksum checksum) {
    public static final String STANDARD = "STANDARD";

    public StoredObject {
        metadata = Map.copyOf(metadata);
        storageClass = storageClass == null ? STANDARD : storageClass;
    }

    public static StoredObject create(String key, byte[] body, long nowMillis, ObjectHeaders headers,
                                      Map<String, String> metadata, String storageClass, StoredChecksum checksum) {
        return new StoredObject(key, body, ETag.of(body), nowMillis - Math.floorMod(nowMillis, 1000L), headers,
                metadata, storageClass, checksum);
    }

    public long size() {
        return body.length;
    }
}
