package io.mailroom.s3.lifecycle;

import io.mailroom.core.time.Cancellable;
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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Carries out buckets' lifecycle rules on the server clock. Each object has one task, at its next action's time
 * (an expiration or a transition), and each upload one for its abortion: writes that can change an object's actions
 * (a new object, new tags) and a new configuration replace its task. A task looks again at the object as it is
 * then and acts only if the bucket still has that configuration and the action is still due.
 */
public final class Lifecycle {
    private final BucketRegistry registry;
    private final Clock clock;
    private final Scheduler scheduler;
    private final Notifier notifier;
    /** The pending task of each bucket's key ("bucket/key"), so that a new one replaces it. */
    private final Map<String, Pending> tasks = new ConcurrentHashMap<>();
    private final AtomicLong generations = new AtomicLong();

    public Lifecycle(BucketRegistry registry, Clock clock, Scheduler scheduler, Notifier notifier) {
        this.registry = registry;
        this.clock = clock;
        this.scheduler = scheduler;
        this.notifier = notifier;
    }

    /** A configuration set (or restored from disk): every object and upload of the bucket gets its task. */
    public void configured(Bucket bucket) {
        LifecycleConfiguration configuration = bucket.lifecycle();
        if (configuration == null) {
            return;
        }
        bucket.objects().values().forEach(object -> schedule(bucket.name(), configuration, object));
        bucket.uploads().sorted().forEach(upload -> started(bucket, upload));
    }

    /** An object stored or retagged; called once its creation is announced, so that its actions come after. */
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
        if (abort == null) {
            return;
        }
        String name = bucket.name();
        String uploadId = upload.uploadId();
        String key = upload.key();
        scheduler.scheduleAt(abort.at(), () -> registry.find(name)
                .filter(b -> b.lifecycle() == configuration)
                .ifPresent(b -> b.uploads().find(uploadId, key).ifPresent(b.uploads()::remove)));
    }

    /**
     * Gives the object a task for its next action, replacing the one it had. A task that runs (or is cancelled)
     * after being replaced finds another generation under its key and does nothing; one due already runs at once.
     */
    private void schedule(String bucket, LifecycleConfiguration configuration, StoredObject object) {
        String key = bucket + "/" + object.key();
        LifecycleConfiguration.Action action = configuration.next(object);
        Pending previous;
        if (action == null) {
            previous = tasks.remove(key);
        } else {
            long generation = generations.incrementAndGet();
            previous = tasks.put(key, new Pending(generation, null));
            Cancellable cancellable = scheduler.scheduleAt(action.at(),
                    () -> settle(bucket, configuration, object.key(), generation));
            tasks.computeIfPresent(key, (k, p) -> p.generation() == generation ? new Pending(generation, cancellable) : p);
        }
        if (previous != null && previous.cancellable() != null) {
            previous.cancellable().cancel();
        }
    }

    /** A key's task: its generation, and how to cancel it once scheduled. */
    private record Pending(long generation, Cancellable cancellable) {
    }

    private void settle(String bucketName, LifecycleConfiguration configuration, String key, long generation) {
        Pending pending = tasks.get(bucketName + "/" + key);
        if (pending == null || pending.generation() != generation) {
            return;
        }
        Bucket bucket = registry.find(bucketName).orElse(null);
        StoredObject object = bucket == null || bucket.lifecycle() != configuration ? null : bucket.objects().get(key);
        LifecycleConfiguration.Action action = object == null ? null : configuration.next(object);
        if (action == null) {
            tasks.remove(bucketName + "/" + key, pending);
            return;
        }
        long now = clock.millis();
        if (action.at() > now) {
            schedule(bucketName, configuration, object);
            return;
        }
        Origin origin = Origin.unrequested(EventMessages.LIFECYCLE_SOURCE, now);
        if (action instanceof LifecycleConfiguration.Expire) {
            if (bucket.objects().remove(key, object)) {
                tasks.remove(bucketName + "/" + key, pending);
                notifier.objectEvent(bucket, S3Event.LIFECYCLE_EXPIRATION_DELETE, object, origin);
            } else {
                settle(bucketName, configuration, key, generation); // changed meanwhile: judge what is there now
            }
        } else if (action instanceof LifecycleConfiguration.Move move) {
            StoredObject moved = object.withStorageClass(move.storageClass());
            if (bucket.objects().replace(key, object, moved)) {
                notifier.objectEvent(bucket, S3Event.LIFECYCLE_TRANSITION, moved, origin);
                schedule(bucketName, configuration, moved);
            } else {
                settle(bucketName, configuration, key, generation);
            }
        }
    }
}
