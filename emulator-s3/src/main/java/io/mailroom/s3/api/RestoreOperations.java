package io.mailroom.s3.api;

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
import java.util.concurrent.atomic.AtomicReference;

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
        RestoreRequest request = RestoreRequest.of(Input.object(in, "RestoreRequest"));
        long now = clock.millis();
        // Decided against the object as it is when replaced, so that a concurrent upload, deletion or change of
        // tags is neither undone nor lost; the function may run more than once, so it only decides.
        AtomicReference<Restore> previous = new AtomicReference<>();
        StoredObject updated = bucket.objects().computeIfPresent(key, (k, object) -> {
            previous.set(object.restore());
            return object.withRestore(next(object, request, now));
        });
        if (updated == null) {
            throw S3Errors.noSuchKey(key);
        }
        Restore restore = updated.restore();
        Origin origin = Origin.of(ctx, now);
        if (previous.get() != null && previous.get().readable(now)) {
            if (restore != previous.get()) {
                at(restore.expiresAt(), bucket.name(), key, restore, S3Event.OBJECT_RESTORE_DELETE, origin);
            }
            return Output.object();
        }
        notifier.objectEvent(bucket, S3Event.OBJECT_RESTORE_POST, updated, origin);
        schedule(bucket.name(), key, restore, origin);
        ObjectNode out = Output.object();
        out.put(Output.STATUS, 202);
        return out;
    }

    /** The restore an object gets: a new one, or the ready one kept longer; S3's error when it can have none. */
    private static Restore next(StoredObject object, RestoreRequest request, long now) {
        if (!object.archived()) {
            throw S3Errors.notReadable("Restore is not allowed for the object's current storage class",
                    object.storageClass());
        }
        Restore current = object.restore();
        if (current != null && current.ongoing(now)) {
            throw S3Errors.RESTORE_ALREADY_IN_PROGRESS.exception("Object restore is already in progress");
        }
        if (current != null && current.readable(now)) {
            // Kept as it is when the expiry does not move, so its Delete event, already due then, stays the one.
            Restore longer = current.extended(request.days(), now);
            return longer.expiresAt() == current.expiresAt() ? current : longer;
        }
        Restore restore = Restore.requested(object.storageClass(), request.tier(), request.days(), now);
        if (restore == null) {
            throw S3Errors.INVALID_ARGUMENT.exception("Expedited retrieval is not available for objects in the %s"
                    + " storage class", object.storageClass());
        }
        return restore;
    }

    /**
     * Schedules the events of the restores a restart brought back: their requests are gone, so the events name the
     * bucket owner and a request id of their own.
     */
    public void resume(Bucket bucket) {
        long now = clock.millis();
        bucket.objects().forEach((key, object) -> {
            Restore restore = object.restore();
            if (restore != null && !restore.expired(now)) {
                schedule(bucket.name(), key, restore,
                        Origin.unrequested(bucket.owner().principalId(), restore.requestedAt()));
            }
        });
    }

    private void schedule(String bucket, String key, Restore restore, Origin origin) {
        if (restore.ongoing(clock.millis())) {
            at(restore.completesAt(), bucket, key, restore, S3Event.OBJECT_RESTORE_COMPLETED, origin);
        }
        at(restore.expiresAt(), bucket, key, restore, S3Event.OBJECT_RESTORE_DELETE, origin);
    }

    /**
     * Raises a restore's later event at its time if the object still has that very restore then: a new upload, a
     * deletion, an extension, a second restore or a reset makes it another's (or nobody's), and nothing is raised.
     */
    private void at(long millis, String bucketName, String key, Restore restore, S3Event event, Origin requested) {
        scheduler.scheduleAt(millis, () -> registry.find(bucketName).ifPresent(bucket -> {
            StoredObject current = bucket.objects().get(key);
            if (current != null && current.restore() == restore) {
                notifier.objectEvent(bucket, event, current,
                        new Origin(requested.requestId(), requested.principalId(), millis, requested.traceHeader()));
            }
        }));
    }
}
