package io.mailroom.s3.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.request.RequestContext;
import io.mailroom.core.time.Clock;
import io.mailroom.s3.S3Errors;
import io.mailroom.s3.acl.AccessControlList;
import io.mailroom.s3.acl.AclRequest;
import io.mailroom.s3.acl.Grant;
import io.mailroom.s3.bucket.Bucket;
import io.mailroom.s3.bucket.BucketRegistry;
import io.mailroom.s3.bucket.Owner;
import io.mailroom.s3.notification.Notifier;
import io.mailroom.s3.notification.Origin;
import io.mailroom.s3.notification.S3Event;
import io.mailroom.s3.object.StoredObject;
import io.mailroom.s3.ownership.ObjectOwnership;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Bucket and object ACLs. Where the bucket's Object Ownership is BucketOwnerEnforced, ACLs are disabled:
 * reading one always shows the bucket owner's full control, and setting one is AccessControlListNotSupported
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-ownership-error-responses.html). Mailroom
 * does not check permissions, so ACLs are kept and reported, never enforced.
 */
public final class AclOperations {
    private final BucketRegistry registry;
    private final Clock clock;
    private final Notifier notifier;

    public AclOperations(BucketRegistry registry, Clock clock, Notifier notifier) {
        this.registry = registry;
        this.clock = clock;
        this.notifier = notifier;
    }

    public ObjectNode getBucketAcl(RequestContext ctx, ObjectNode in) {
        Bucket bucket = registry.require(ctx.accountId(), Input.required(in, "Bucket"));
        return answer(bucket, bucket.acl());
    }

    public ObjectNode putBucketAcl(RequestContext ctx, ObjectNode in) {
        Bucket bucket = registry.require(ctx.accountId(), Input.required(in, "Bucket"));
        bucket.acl(requested(bucket, in));
        return Output.object();
    }

    public ObjectNode getObjectAcl(RequestContext ctx, ObjectNode in) {
        Bucket bucket = registry.require(ctx.accountId(), Input.required(in, "Bucket"));
        Input.requireNullVersion(Input.text(in, "VersionId"));
        StoredObject object = bucket.object(Input.required(in, "Key"));
        return answer(bucket, object.acl() != null ? object.acl()
                : AccessControlList.ownerOnly(bucket.owner().canonicalId()));
    }

    public ObjectNode putObjectAcl(RequestContext ctx, ObjectNode in) {
        Bucket bucket = registry.require(ctx.accountId(), Input.required(in, "Bucket"));
        Input.requireNullVersion(Input.text(in, "VersionId"));
        String key = Input.required(in, "Key");
        if (!bucket.objects().containsKey(key)) {
            throw S3Errors.noSuchKey(key);
        }
        AccessControlList acl = requested(bucket, in);
        AtomicReference<AccessControlList> previous = new AtomicReference<>();
        StoredObject updated = bucket.objects().computeIfPresent(key, (k, object) -> {
            previous.set(object.acl() != null ? object.acl() : AccessControlList.ownerOnly(bucket.owner().canonicalId()));
            return object.withAcl(acl);
        });
        if (updated == null) {
            throw S3Errors.noSuchKey(key);
        }
        // S3 raises s3:ObjectAcl:Put only when the ACL changes: setting the one the object has raises nothing.
        if (!acl.equals(previous.get())) {
            notifier.objectEvent(bucket, S3Event.OBJECT_ACL_PUT, updated, Origin.of(ctx, clock.millis()));
        }
        return Output.object();
    }

    /** The ACL of a Put*Acl: a canned ACL, grant headers or an AccessControlPolicy body, exactly one. */
    private static AccessControlList requested(Bucket bucket, ObjectNode in) {
        if (bucket.ownership() == ObjectOwnership.BUCKET_OWNER_ENFORCED) {
            throw AclRequest.notSupported();
        }
        AclRequest headers = AclRequest.of(in);
        JsonNode policy = in.get("AccessControlPolicy");
        if (policy != null && !policy.isNull()) {
            if (!headers.absent()) {
                throw S3Errors.UNEXPECTED_CONTENT.exception("This request does not support content");
            }
            return AccessControlList.fromPolicy(policy);
        }
        if (headers.absent()) {
            throw S3Errors.MISSING_SECURITY_HEADER.exception("Your request was missing a required header");
        }
        return headers.toAcl(bucket.owner().canonicalId());
    }

    private static ObjectNode answer(Bucket bucket, AccessControlList acl) {
        Owner owner = bucket.owner();
        AccessControlList shown = bucket.ownership() == ObjectOwnership.BUCKET_OWNER_ENFORCED
                ? AccessControlList.ownerOnly(owner.canonicalId()) : acl;
        ObjectNode out = Output.object();
        Output.person(out, "Owner", owner);
        ArrayNode grants = out.putArray("Grants");
        for (Grant g : shown.grants()) {
            ObjectNode grant = grants.addObject();
            // Grantees have no DisplayName either since November 21, 2025
            // (https://docs.aws.amazon.com/AmazonS3/latest/API/API_Grantee.html).
            ObjectNode grantee = grant.putObject("Grantee");
            if (g.grantee().id() != null) {
                grantee.put("ID", g.grantee().id());
            }
            grantee.put("Type", g.grantee().type());
            if (g.grantee().uri() != null) {
                grantee.put("URI", g.grantee().uri());
            }
            grant.put("Permission", g.permission());
        }
        return out;
    }
}
