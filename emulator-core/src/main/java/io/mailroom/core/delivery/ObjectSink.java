package io.mailroom.core.delivery;

import java.util.Map;

/**
 * How a service stores an object in a bucket of this server without knowing S3's classes (SES receipt
 * rules' S3 action, SES's copy of sent mail). Implemented by S3. A put is an ordinary PutObject: it
 * replaces an existing object and raises the bucket's {@code s3:ObjectCreated:Put} notifications.
 */
public interface ObjectSink {

    /**
     * Stores {@code body} under {@code key}, as PutObject would.
     *
     * @param accountId   the account on whose behalf the object is written
     * @param region      the region of the writing service
     * @param bucket      the bucket name (S3 bucket names are global)
     * @param key         the object key
     * @param body        the object's bytes
     * @param contentType the Content-Type to store, or null for S3's default
     * @param metadata    user metadata ({@code x-amz-meta-*} without the prefix; may be empty)
     * @return the object's ETag as S3 reports it (quoted MD5 hex)
     * @throws io.mailroom.core.error.AwsException as PutObject would (NoSuchBucket, KeyTooLongError, ...)
     */
    String put(String accountId, String region, String bucket, String key, byte[] body, String contentType,
               Map<String, String> metadata);

    /** Whether a bucket with this name exists now. */
    boolean exists(String bucket);
}
