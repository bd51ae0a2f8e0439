package io.mailroom.s3.ownership;

import io.mailroom.s3.S3Errors;

/**
 * S3 Object Ownership. Every new bucket gets {@link #BUCKET_OWNER_ENFORCED} unless CreateBucket asks for
 * another, which disables ACLs
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html).
 */
public enum ObjectOwnership {
    BUCKET_OWNER_ENFORCED("BucketOwnerEnforced"),
    BUCKET_OWNER_PREFERRED("BucketOwnerPreferred"),
    OBJECT_WRITER("ObjectWriter");

    private final String wireName;

    ObjectOwnership(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** @param value the wire name; null gives {@code fallback} */
    public static ObjectOwnership parse(String value, ObjectOwnership fallback) {
        if (value == null) {
            return fallback;
        }
        for (ObjectOwnership o : values()) {
            if (o.wireName.equals(value)) {
                return o;
            }
        }
        throw S3Errors.INVALID_ARGUMENT.exception("Invalid x-amz-object-ownership header: %s", value);
    }
}
