package io.mailroom.s3.bucket;

import io.mailroom.s3.S3Errors;
import io.mailroom.s3.acl.AccessControlList;
import io.mailroom.s3.cors.CorsConfiguration;
import io.mailroom.s3.lifecycle.LifecycleConfiguration;
import io.mailroom.s3.listing.KeyOrder;
import io.mailroom.s3.multipart.Uploads;
import io.mailroom.s3.notification.NotificationConfiguration;
import io.mailroom.s3.object.Encryption;
import io.mailroom.s3.object.StoredObject;
import io.mailroom.s3.ownership.ObjectOwnership;
import io.mailroom.s3.tag.TagSet;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * One bucket: its identity, its objects kept sorted in S3's listing order (so a listing page is a seek
 * and a short walk, never a sort), its multipart uploads in progress, its notification configuration,
 * policy, tags, default encryption, Object Ownership setting, ACL, CORS and lifecycle configurations.
 */
public final class Bucket {
    private final String name;
    private final Owner owner;
    private final BucketLocation location;
    private final long createdAt;
    private final ConcurrentSkipListMap<String, StoredObject> objects = new ConcurrentSkipListMap<>(KeyOrder.INSTANCE);
    private final Uploads uploads = new Uploads();
    private volatile NotificationConfiguration notifications = NotificationConfiguration.EMPTY;
    private volatile String policy;
    private volatile TagSet tags = TagSet.NONE;
    private volatile Encryption encryption = Encryption.SSE_S3;
    private volatile ObjectOwnership ownership = ObjectOwnership.BUCKET_OWNER_ENFORCED;
    private volatile AccessControlList acl;
    private volatile CorsConfiguration cors;
    private volatile LifecycleConfiguration lifecycle;

    public Bucket(String name, Owner owner, BucketLocation location, long createdAt) {
        this.name = name;
        this.owner = owner;
        this.location = location;
        this.createdAt = createdAt;
        this.acl = AccessControlList.ownerOnly(owner.canonicalId());
    }

    public String name() {
        return name;
    }

    public Owner owner() {
        return owner;
    }

    public BucketLocation location() {
        return location;
    }

    public String region() {
        return location.region();
    }

    /** Epoch millis. */
    public long createdAt() {
        return createdAt;
    }

    public String arn() {
        return "arn:aws:s3:::" + name;
    }

    public ConcurrentSkipListMap<String, StoredObject> objects() {
        return objects;
    }

    /** The object under {@code key}; NoSuchKey when there is none. */
    public StoredObject object(String key) {
        StoredObject object = objects.get(key);
        if (object == null) {
            throw S3Errors.noSuchKey(key);
        }
        return object;
    }

    /** Multipart uploads in progress: not objects until completed. */
    public Uploads uploads() {
        return uploads;
    }

    /** The bucket policy as it was put, or null. */
    public String policy() {
        return policy;
    }

    public void policy(String value) {
        this.policy = value;
    }

    public TagSet tags() {
        return tags;
    }

    public void tags(TagSet value) {
        this.tags = value;
    }

    /** The default encryption of new objects: SSE-S3 unless PutBucketEncryption chose otherwise. */
    public Encryption encryption() {
        return encryption;
    }

    public void encryption(Encryption value) {
        this.encryption = value;
    }

    /** The Object Ownership setting, or null once DeleteBucketOwnershipControls removed it (ACLs then apply). */
    public ObjectOwnership ownership() {
        return ownership;
    }

    public void ownership(ObjectOwnership value) {
        this.ownership = value;
    }

    /** The bucket's ACL as CreateBucket or PutBucketAcl set it: the owner's full control unless one did. */
    public AccessControlList acl() {
        return acl;
    }

    /** @param value the ACL, or null for the owner's full control alone (a state saved by an earlier build) */
    public void acl(AccessControlList value) {
        this.acl = value != null ? value : AccessControlList.ownerOnly(owner.canonicalId());
    }

    public NotificationConfiguration notifications() {
        return notifications;
    }

    public void notifications(NotificationConfiguration value) {
        this.notifications = value;
    }

    /** The CORS configuration, or null when the bucket has none. */
    public CorsConfiguration cors() {
        return cors;
    }

    public void cors(CorsConfiguration cors) {
        this.cors = cors;
    }

    /** The lifecycle configuration, or null when the bucket has none. */
    public LifecycleConfiguration lifecycle() {
        return lifecycle;
    }

    public void lifecycle(LifecycleConfiguration lifecycle) {
        this.lifecycle = lifecycle;
    }
}
