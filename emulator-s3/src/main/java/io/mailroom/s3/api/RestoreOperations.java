package io.mailroom.s3.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.request.RequestContext;
import io.mailroom.core.time.Clock;
import io.mailroom.core.time.Scheduler;
import io.mailroom.s3.S3Errors;
import io.mailroom.s3.bucket.Bucket;
import io.mailroom.s3.bucket.BucketRegistry;
import io.mailroom.s3.notification.Notifier;
import io.mailroom.s3.notification.Origin;
import io.mailroom.s3.notification.S3Event;
import io.mailroom.s3.object.Restore;
import io.mailroom.s3.object.StoredObject;

/**
 * RestoreObject: a temporary readable copy of an object in GLACIER or DEEP_ARCHIVE, ready after its tier's
 * retrieval time on the server clock. 202 for a new restore, 200 for one whose copy is there (its expiry moves),
 * 409 RestoreAlreadyInProgress meanwhile. {@code s3:ObjectRestore:Post} is raised at once, {@code :Completed} when
 * the copy is ready and {@code :Delete} when it goes (https://docs.aws.amazon.com/AmazonS3/latest/API/API_RestoreObject.html).
 */
public final class RestoreOperations {
    private final BucketRegistry registry;
    private final Clock clock;
    private final Scheduler scheduler;
    private final Notifier notifier;

    public RestoreOperations(BucketRegistry registry, Clock clock, Scheduler scheduler, Notifier notifier) {
        this.registry = registry;
        this.clock = clock;
        this.scheduler = scheduler;
        this.notifier = notifier;
    }

    public ObjectNode restoreObject(RequestContext ctx, ObjectNode in) {
        Bucket bucket = registry.require(ctx.accountId(), Input.required(in, "Bucket"));
        String key = Input.required(in, "Key");
        Input.requireNullVersion(Input.text(in, "VersionId"));
        StoredObject object = bucket.object(key);
        JsonNode request = Input.object(in, "RestoreRequest");
        if ("SELECT".equals(Input.text(request, "Type"))) {
            throw S3Errors.NOT_IMPLEMENTED.exception("A header you provided implies functionality that is not"
                    + " implemented (S3 Select restores)");
        }
        if (request == null || request.has("Tier")) {
            throw Input.malformedXml(); // Tier belongs to SELECT restores; archive restores name it in GlacierJobParameters
        }
        if (!object.archived()) {
            throw S3Errors.notReadable("Restore is not allowed for the object's current storage class",
                    object.storageClass());
        }
        if (!request.has("Days")) {
            throw Input.malformedXml();
        }
        int days = Input.integer(request, "Days", 0);
        if (days < 1) {
            throw S3Errors.INVALID_ARGUMENT.exception("Days must be at least 1").with("ArgumentName", "Days")
                    .with("ArgumentValue", Integer.toString(days));
        }
        String tier = Input.text(request.path("GlacierJobParameters"), "Tier");
        long now = clock.millis();
        Restore current = object.restore();
        if (current != null && current.ongoing(now)) {
            throw S3Errors.RESTORE_ALREADY_IN_PROGRESS.exception("Object restore is already in progress");
        }
        Origin origin = Origin.of(ctx, now);
        if (current != null && current.readable(now)) {
            Restore extended = current.extended(days, now);
            bucket.objects().put(key, object.withRestore(extended));
            at(extended.expiresAt(), bucket, key, extended, S3Event.OBJECT_RESTORE_DELETE, origin);
            return Output.object();
        }
        Restore restore = Restore.requested(object.storageClass(), tier == null ? "Standard" : tier, days, now);
        if (restore == null) {
            throw S3Errors.INVALID_ARGUMENT.exception("Expedited retrieval is not available for objects in the %s"
                    + " storage class", object.storageClass());
        }
        StoredObject restoring = object.withRestore(restore);
        bucket.objects().put(key, restoring);
        notifier.objectEvent(bucket, S3Event.OBJECT_RESTORE_POST, restoring, origin);
        at(restore.completesAt(), bucket, key, restore, S3Event.OBJECT_RESTORE_COMPLETED, origin);
        at(restore.expiresAt(), bucket, key, restore, S3Event.OBJECT_RESTORE_DELETE, origin);
        ObjectNode out = Output.object();
        out.put(Output.STATUS, 202);
        return out;
    }

    /**
     * Raises a restore's later event at its time, if the object still has that restore then: a new upload, a
     * deletion, an extension or a reset makes it another's (or nobody's) and the event is not raised.
     */
    private void at(long millis, Bucket bucket, String key, Restore restore, S3Event event, Origin requested) {
        scheduler.scheduleAt(millis, () -> {
            StoredObject current = bucket.objects().get(key);
            if (current != null && restore.equals(current.restore())
                    && registry.find(bucket.name()).orElse(null) == bucket) {
                notifier.objectEvent(bucket, event, current,
                        new Origin(requested.requestId(), requested.principalId(), millis, requested.traceHeader()));
            }
        });
    }
}
