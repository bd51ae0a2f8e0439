package io.mailroom.s3.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.request.RequestContext;
import io.mailroom.core.time.Clock;
import io.mailroom.s3.bucket.Bucket;
import io.mailroom.s3.bucket.BucketRegistry;
import io.mailroom.s3.notification.NotificationConfiguration;
import io.mailroom.s3.notification.NotificationTree;
import io.mailroom.s3.notification.NotificationValidator;
import io.mailroom.s3.notification.Notifier;
import io.mailroom.s3.notification.Origin;

/** GetBucketNotificationConfiguration and PutBucketNotificationConfiguration. */
public final class NotificationOperations {
    private final BucketRegistry registry;
    private final Clock clock;
    private final Notifier notifier;
    private final NotificationTree tree;

    public NotificationOperations(BucketRegistry registry, Clock clock, Notifier notifier, NotificationTree tree) {
        this.registry = registry;
        this.clock = clock;
        this.notifier = notifier;
        this.tree = tree;
    }

    public ObjectNode getBucketNotificationConfiguration(RequestContext ctx, ObjectNode in) {
        Bucket bucket = registry.require(ctx.accountId(), Input.required(in, "Bucket"));
        return NotificationTree.write(bucket.notifications());
    }

    /**
     * Replaces the whole configuration once it validates, then sends {@code s3:TestEvent} to each of its
     * destinations, as S3 does (https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html).
     */
    public ObjectNode putBucketNotificationConfiguration(RequestContext ctx, ObjectNode in) {
        Bucket bucket = registry.require(ctx.accountId(), Input.required(in, "Bucket"));
        NotificationConfiguration config = tree.read(in.get("NotificationConfiguration"));
        NotificationValidator.validate(config, notifier.ports(), bucket.region(),
                Input.flag(in, "SkipDestinationValidation"));
        bucket.notifications(config);
        notifier.testEvents(bucket, Origin.of(ctx, clock.millis()));
        return Output.object();
    }
}
