package io.mailroom.s3.notification;

/** The events this server raises, with the names AWS gives them. */
public enum S3Event {
    OBJECT_CREATED_PUT("s3:ObjectCreated:Put"),
    OBJECT_CREATED_POST("s3:ObjectCreated:Post"),
    OBJECT_CREATED_COPY("s3:ObjectCreated:Copy"),
    OBJECT_CREATED_COMPLETE_MULTIPART_UPLOAD("s3:ObjectCreated:CompleteMultipartUpload"),
    OBJECT_REMOVED_DELETE("s3:ObjectRemoved:Delete"),
    OBJECT_TAGGING_PUT("s3:ObjectTagging:Put"),
    OBJECT_TAGGING_DELETE("s3:ObjectTagging:Delete");

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
}
