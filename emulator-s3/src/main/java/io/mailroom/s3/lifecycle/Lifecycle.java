package io.mailroom.s3.lifecycle;

import io.mailroom.core.time.Clock;
import io.mailroom.core.time.Scheduler;
import io.mailroom.s3.bucket.Bucket;
import io.mailroom.s3.bucket.BucketRegistry;
import io.mailroom.s3.multipart.Upload;
import io.mailroom.s3.notification.EventMessages;
import io.mailroom.s3.notification.Notifier;
import io.mailroom.s3.notification.Origin;
import io.mailroom.s3.notification.S3Event;
import io.mailroom.s3.object.StoredObject;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Carries out buckets' lifecycle rules on the server clock: each object's next action (expiration or transition)
 * and each upload's abortion is a task at its time, which looks again at the object as it is then and acts only if
 * the bucket still has that configuration and the action is still due. Writes that can change an object's actions
 * (a new object, new tags) schedule it again; a task that finds the object's action later reschedules itself.
 */
public final class Lifecycle {
    private final BucketRegistry registry;
    private final Clock clock;
    private final Scheduler scheduler;
    private final Notifier notifier;

    public Lifecycle(BucketRegistry registry, Clock clock, Scheduler scheduler, Notifier notifier) {
        this.registry = registry;
        this.clock = clock;
        this.scheduler = scheduler;
        this.notifier = notifier;
    }

    /** A configuration set (or restored from disk): every object and upload of the bucket gets its tasks. */
    public void configured(Bucket bucket) {
        LifecycleConfiguration configuration = bucket.lifecycle();
        if (configuration == null) {
            return;
        }
        bucket.objects().values().forEach(object -> schedule(bucket.name(), configuration, object));
        bucket.uploads().sorted().forEach(upload -> started(bucket, upload));
    }

    /** An object stored or retagged. */
    public void written(Bucket bucket, StoredObject object) {
        LifecycleConfiguration configuration = bucket.lifecycle();
        if (configuration != null) {
            schedule(bucket.name(), configuration, object);
        }
    }

    /** An upload begun: AbortIncompleteMultipartUpload may end it. */
    public void started(Bucket bucket, Upload upload) {
        LifecycleConfiguration configuration = bucket.lifecycle();
        LifecycleConfiguration.Expire abort = configuration == null ? null
                : configuration.abortion(upload.key(), upload.initiated());
        if (abort != null) {
            scheduler.scheduleAt(abort.at(), () -> registry.find(bucket.name())
                    .filter(b -> b.lifecycle() == configuration)
                    .ifPresent(b -> b.uploads().remove(upload)));
        }
    }

    private void schedule(String bucket, LifecycleConfiguration configuration, StoredObject object) {
        LifecycleConfiguration.Action action = configuration.next(object);
        if (action != null) {
            scheduler.scheduleAt(action.at(), () -> settle(bucket, configuration, object.key()));
        }
    }

    private void settle(String bucketName, LifecycleConfiguration configuration, String key) {
        Bucket bucket = registry.find(bucketName).orElse(null);
        StoredObject object = bucket == null || bucket.lifecycle() != configuration ? null : bucket.objects().get(key);
        LifecycleConfiguration.Action action = object == null ? null : configuration.next(object);
        if (action == null) {
            return;
        }
        if (action.at() > clock.millis()) {
            schedule(bucketName, configuration, object);
            return;
        }
        Origin origin = new Origin(requestId(), EventMessages.LIFECYCLE_SOURCE, action.at(), null);
        if (action instanceof LifecycleConfiguration.Expire) {
            if (bucket.objects().remove(key, object)) {
                notifier.objectEvent(bucket, S3Event.LIFECYCLE_EXPIRATION_DELETE, object, origin);
            }
        } else if (action instanceof LifecycleConfiguration.Move move) {
            StoredObject moved = object.withStorageClass(move.storageClass());
            if (bucket.objects().replace(key, object, moved)) {
                notifier.objectEvent(bucket, S3Event.LIFECYCLE_TRANSITION, moved, origin);
                schedule(bucketName, configuration, moved);
            }
        }
    }

    private static String requestId() {
        return String.format(Locale.ROOT, "%016X", ThreadLocalRandom.current().nextLong());
    }
}
