package io.mailroom.s3.persistence;

import io.mailroom.s3.bucket.Bucket;
import io.mailroom.s3.notification.NotificationRule;
import io.mailroom.s3.object.Encryption;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A bucket's manifest ({@code bucket.json}): what it is, its notification configuration, policy, tags and
 * default encryption (the last three absent from files of earlier builds) and its objects' metadata, in key
 * order.
 *
 * @param format    {@link #FORMAT}; a file of another format is refused rather than misread
 * @param createdAt epoch millis
 */
public record BucketSnapshot(int format, String name, String accountId, String region, String locationConstraint,
                             long createdAt, List<RuleSnapshot> notifications, List<ObjectSnapshot> objects,
                             String policy, Map<String, String> tags, Encryption encryption) {
    public static final int FORMAT = 1;

    public BucketSnapshot {
        if (format != FORMAT) {
            throw new IllegalArgumentException("unsupported manifest format " + format + " (expected " + FORMAT + ")");
        }
        Objects.requireNonNull(name, "a bucket has no name");
        Objects.requireNonNull(accountId, "bucket " + name + " has no accountId");
        Objects.requireNonNull(region, "bucket " + name + " has no region");
        notifications = notifications == null ? List.of() : notifications;
        objects = objects == null ? List.of() : objects;
        tags = tags == null ? Map.of() : tags;
        encryption = encryption == null ? Encryption.SSE_S3 : encryption;
    }

    static BucketSnapshot of(Bucket b, List<ObjectSnapshot> objects) {
        List<RuleSnapshot> rules = b.notifications().rules().stream().map(RuleSnapshot::of).toList();
        return new BucketSnapshot(FORMAT, b.name(), b.owner().accountId(), b.region(),
                b.location().locationConstraint(), b.createdAt(), rules, objects, b.policy(), b.tags().tags(),
                b.encryption());
    }

    List<NotificationRule> rules() {
        return notifications.stream().map(RuleSnapshot::toRule).toList();
    }
}
