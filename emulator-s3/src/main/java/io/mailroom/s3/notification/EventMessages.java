package io.mailroom.s3.notification;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.request.ExtendedRequestId;
import io.mailroom.s3.api.Output;
import io.mailroom.s3.bucket.Bucket;
import io.mailroom.s3.listing.KeyEncoding;
import io.mailroom.s3.object.ETag;
import io.mailroom.s3.object.StoredObject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The JSON S3 sends to destinations, event records version 2.1
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html) and the
 * test event sent when a configuration is set.
 */
public final class EventMessages {
    /** The SNS subject S3 publishes with. */
    public static final String SUBJECT = "Amazon S3 Notification";
    /**
     * The caller's address is not part of the request context the front end passes; events report the
     * loopback address a local client comes from.
     */
    static final String SOURCE_IP = "127.0.0.1";
    /** Lifecycle actions' principal and source. */
    public static final String LIFECYCLE_SOURCE = "s3.amazonaws.com";
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private EventMessages() {
    }

    /**
     * One record in its {@code Records} wrapper. Keys are URL-encoded as S3 does; the event decides which
     * of size, eTag and sequencer the object has; the eTag has no quotes.
     *
     * @param object    the object created or changed; null for a removal, which reports the key alone
     * @param sequencer null for events that carry none
     */
    public static ObjectNode record(Bucket bucket, S3Event event, String configurationId, String key,
                                    StoredObject object, String sequencer, Origin origin) {
        ObjectNode root = Output.object();
        ObjectNode r = root.putArray("Records").addObject();
        r.put("eventVersion", event.eventVersion());
        r.put("eventSource", "aws:s3");
        r.put("awsRegion", bucket.region());
        r.put("eventTime", iso(origin.atMillis()));
        r.put("eventName", event.recordName());
        r.putObject("userIdentity").put("principalId", origin.principalId());
        r.putObject("requestParameters").put("sourceIPAddress", event.byLifecycle() ? LIFECYCLE_SOURCE : SOURCE_IP);
        r.putObject("responseElements").put("x-amz-request-id", origin.requestId())
                .put("x-amz-id-2", ExtendedRequestId.of(origin.requestId()));
        ObjectNode s3 = r.putObject("s3");
        s3.put("s3SchemaVersion", "1.0");
        s3.put("configurationId", configurationId);
        ObjectNode b = s3.putObject("bucket");
        b.put("name", bucket.name());
        b.putObject("ownerIdentity").put("principalId", bucket.owner().principalId());
        b.put("arn", bucket.arn());
        ObjectNode o = s3.putObject("object");
        o.put("key", KeyEncoding.url(key));
        if (event.reportsSize()) {
            o.put("size", object.size());
        }
        if (event.reportsETag()) {
            o.put("eTag", ETag.unquoted(object.etag()));
        }
        if (sequencer != null) {
            o.put("sequencer", sequencer);
        }
        if (event == S3Event.LIFECYCLE_TRANSITION) {
            r.putObject("lifecycleEventData").putObject("transitionEventData")
                    .put("destinationStorageClass", object.storageClass());
        }
        if (event == S3Event.OBJECT_RESTORE_COMPLETED && object.restore() != null) {
            r.putObject("glacierEventData").putObject("restoreEventData")
                    .put("lifecycleRestorationExpiryTime", iso(object.restore().expiresAt()))
                    .put("lifecycleRestoreStorageClass", object.storageClass());
        }
        return root;
    }

    /** What S3 sends to each destination when a configuration is set. */
    public static ObjectNode testEvent(Bucket bucket, Origin origin) {
        ObjectNode t = Output.object();
        t.put("Service", "Amazon S3");
        t.put("Event", "s3:TestEvent");
        t.put("Time", iso(origin.atMillis()));
        t.put("Bucket", bucket.name());
        t.put("RequestId", origin.requestId());
        t.put("HostId", ExtendedRequestId.of(origin.requestId()));
        return t;
    }

    static String iso(long millis) {
        return ISO_MILLIS.format(Instant.ofEpochMilli(millis));
    }
}
