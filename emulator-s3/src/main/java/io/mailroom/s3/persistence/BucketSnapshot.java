package io.mailroom.s3.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailroom.s3.acl.AccessControlList;
import io.mailroom.s3.bucket.Bucket;
import io.mailroom.s3.cors.CorsConfiguration;
import io.mailroom.s3.lifecycle.LifecycleConfiguration;
import io.mailroom.s3.notification.NotificationRule;
import io.mailroom.s3.object.Encryption;
import io.mailroom.s3.ownership.ObjectOwnership;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A bucket's manifest ({@code bucket.json}): what it is, its notification configuration, policy, tags,
 * default encryption, ownership setting and CORS rules (the last five absent from files of earlier builds), its
 * objects' metadata, in key order, and its multipart uploads in progress (absent from earlier builds' files).
 *
 * @param format          {@link #FORMAT}; a file of another format is refused rather than misread
 * @param createdAt       epoch millis
 * @param objectOwnership the ownership setting's wire name, {@value #NO_OWNERSHIP_CONTROLS} once deleted;
 *                        absent (earlier builds) means S3's default, BucketOwnerEnforced
 * @param acl             the bucket's ACL; absent (earlier builds) means the owner's full control alone
 * @param cors            the CORS configuration's rules; absent when the bucket has none
 * @param lifecycle       the lifecycle configuration as set (rules named), with
 *                        {@code lifecycleMinimumObjectSize}; absent when the bucket has none
 */
public record BucketSnapshot(int format, String name, String accountId, String region, String locationConstraint,
                             long createdAt, List<RuleSnapshot> notifications, List<ObjectSnapshot> objects,
                             String policy, Map<String, String> tags, Encryption encryption,
                             String objectOwnership, AccessControlList acl, List<UploadSnapshot> uploads,
                             List<CorsRuleSnapshot> cors, JsonNode lifecycle, String lifecycleMinimumObjectSize) {
    public static final int FORMAT = 1;
    static final String NO_OWNERSHIP_CONTROLS = "None";

    public BucketSnapshot {
        if (format != FORMAT) {
            throw new IllegalArgumentException("unsupported manifest format " + format + " (expected " + FORMAT + ")");
        }
        Objects.requireNonNull(name, "a bucket has no name");
        Objects.requireNonNull(accountId, "bucket " + name + " has no accountId");
        Objects.requireNonNull(region, "bucket " + name + " has no region");
        notifications = notifications == null ? List.of() : notifications;
        objects = objects == null ? List.of() : objects;
        uploads = uploads == null ? List.of() : uploads;
        tags = tags == null ? Map.of() : tags;
        encryption = encryption == null ? Encryption.SSE_S3 : encryption;
    }

    static BucketSnapshot of(Bucket b, List<ObjectSnapshot> objects, List<UploadSnapshot> uploads) {
        List<RuleSnapshot> rules = b.notifications().rules().stream().map(RuleSnapshot::of).toList();
        List<CorsRuleSnapshot> cors = b.cors() == null ? null
                : b.cors().rules().stream().map(CorsRuleSnapshot::of).toList();
        return new BucketSnapshot(FORMAT, b.name(), b.owner().accountId(), b.region(),
                b.location().locationConstraint(), b.createdAt(), rules, objects, b.policy(), b.tags().tags(),
                b.encryption(), b.ownership() == null ? NO_OWNERSHIP_CONTROLS : b.ownership().wireName(),
                b.acl(), uploads, cors, b.lifecycle() == null ? null : b.lifecycle().source(),
                b.lifecycle() == null ? null : b.lifecycle().minimumObjectSize());
    }

    /** The ownership setting, or null where DeleteBucketOwnershipControls removed it. */
    ObjectOwnership ownership() {
        return NO_OWNERSHIP_CONTROLS.equals(objectOwnership) ? null
                : ObjectOwnership.parse(objectOwnership, ObjectOwnership.BUCKET_OWNER_ENFORCED);
    }

    /** The lifecycle configuration, checked again, or null where the bucket had none. */
    LifecycleConfiguration lifecycleConfiguration() {
        return lifecycle == null || lifecycle.isNull() ? null
                : LifecycleConfiguration.parse(lifecycle, lifecycleMinimumObjectSize);
    }

    /** The CORS configuration, or null where the bucket had none. */
    CorsConfiguration corsConfiguration() {
        return cors == null || cors.isEmpty() ? null
                : new CorsConfiguration(cors.stream().map(CorsRuleSnapshot::toRule).toList());
    }

    List<NotificationRule> rules() {
        return notifications.stream().map(RuleSnapshot::toRule).toList();
    }
}
