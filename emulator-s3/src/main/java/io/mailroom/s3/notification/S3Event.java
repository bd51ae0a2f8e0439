package io.mailroom.s3.notification;

/**
 * The events this server raises, with the names AWS gives them and what their records say of the object.
 * Records of tag and ACL changes are event version 2.3 and carry the object's key and eTag only: no
 * size, and no sequencer, which orders changes to an object's data
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html; AWS's own
 * records, as LocalStack recorded them, show the fields).
 */
public enum S3Event {
    OBJECT_CREATED_PUT("s3:ObjectCreated:Put"),
    OBJECT_CREATED_POST("s3:ObjectCreated:Post"),
    OBJECT_CREATED_COPY("s3:ObjectCreated:Copy"),
    OBJECT_CREATED_COMPLETE_MULTIPART_UPLOAD("s3:ObjectCreated:CompleteMultipartUpload"),
    OBJECT_REMOVED_DELETE("s3:ObjectRemoved:Delete"),
    OBJECT_TAGGING_PUT("s3:ObjectTagging:Put"),
    OBJECT_TAGGING_DELETE("s3:ObjectTagging:Delete"),
    OBJECT_ACL_PUT("s3:ObjectAcl:Put"),
    OBJECT_RESTORE_POST("s3:ObjectRestore:Post"),
    OBJECT_RESTORE_COMPLETED("s3:ObjectRestore:Completed"),
    OBJECT_RESTORE_DELETE("s3:ObjectRestore:Delete"),
    LIFECYCLE_EXPIRATION_DELETE("s3:LifecycleExpiration:Delete"),
    LIFECYCLE_TRANSITION("s3:LifecycleTransition");

    private final String eventType;

    S3Event(String eventType) {
        this.eventType = eventType;
    }

    /** The name used in configurations: {@code s3:ObjectCreated:Put}. */
    public String eventType() {
        return eventType;
    }

    /** The name in event records, without the {@code s3:} prefix: {@code ObjectCreated:Put}. */
    public String recordName() {
        return eventType.substring("s3:".length());
    }

    public boolean removesObject() {
        return this == OBJECT_REMOVED_DELETE;
    }

    /** Whether the event changes the object's data rather than its tags or ACL. */
    private boolean changesData() {
        return eventType.startsWith("s3:ObjectCreated:") || removesObject();
    }

    /** A restore's expiry is reported as tag and ACL changes are (2.3), its start and end as data changes. */
    public String eventVersion() {
        return changesData() || this == OBJECT_RESTORE_POST || this == OBJECT_RESTORE_COMPLETED ? "2.1" : "2.3";
    }

    /** Only created objects, those being restored and those moved to another storage class have their size. */
    public boolean reportsSize() {
        return eventType.startsWith("s3:ObjectCreated:") || eventType.startsWith("s3:ObjectRestore:")
                || this == LIFECYCLE_TRANSITION;
    }

    /** An object removed is reported by its key alone. */
    public boolean reportsETag() {
        return !removesObject() && this != LIFECYCLE_EXPIRATION_DELETE;
    }

    public boolean reportsSequencer() {
        return changesData() || byLifecycle();
    }

    /**
     * Raised by S3's own lifecycle rules, not by a request: S3 is their principal and source
     * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/lifecycle-configure-notification.html).
     */
    public boolean byLifecycle() {
        return this == LIFECYCLE_EXPIRATION_DELETE || this == LIFECYCLE_TRANSITION;
    }
}
