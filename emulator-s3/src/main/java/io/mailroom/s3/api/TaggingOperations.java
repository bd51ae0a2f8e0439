package io.mailroom.s3.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.request.RequestContext;
import io.mailroom.core.time.Clock;
import io.mailroom.s3.S3Errors;
import io.mailroom.s3.bucket.Bucket;
import io.mailroom.s3.bucket.BucketRegistry;
import io.mailroom.s3.lifecycle.Lifecycle;
import io.mailroom.s3.notification.Notifier;
import io.mailroom.s3.notification.Origin;
import io.mailroom.s3.notification.S3Event;
import io.mailroom.s3.tag.TagSet;
import io.mailroom.s3.object.StoredObject;

/**
 * PutObjectTagging, GetObjectTagging and DeleteObjectTagging. A tag set replaces the whole previous one;
 * the object's bytes, ETag and Last-Modified stay as they are, and the bucket's ObjectTagging events fire.
 */
public final class TaggingOperations {
    private final BucketRegistry registry;
    private final Clock clock;
    private final Notifier notifier;
    private final Lifecycle lifecycle;

    public TaggingOperations(BucketRegistry registry, Clock clock, Notifier notifier, Lifecycle lifecycle) {
        this.registry = registry;
        this.clock = clock;
        this.notifier = notifier;
        this.lifecycle = lifecycle;
    }

    public ObjectNode putObjectTagging(RequestContext ctx, ObjectNode in) {
        Bucket bucket = registry.require(ctx.accountId(), Input.required(in, "Bucket"));
        String key = Input.required(in, "Key");
        Input.requireNullVersion(Input.text(in, "VersionId"));
        TagSet tags = TagSet.forObject(Input.object(in, "Tagging"));
        StoredObject tagged = retag(bucket, key, tags);
        notifier.objectEvent(bucket, S3Event.OBJECT_TAGGING_PUT, tagged, Origin.of(ctx, clock.millis()));
        lifecycle.written(bucket, tagged); // new tags may bring it under rules that filter by tags, or out of them
        return Output.object();
    }

    public ObjectNode getObjectTagging(RequestContext ctx, ObjectNode in) {
        Bucket bucket = registry.require(ctx.accountId(), Input.required(in, "Bucket"));
        Input.requireNullVersion(Input.text(in, "VersionId"));
        String key = Input.required(in, "Key");
        StoredObject object = bucket.objects().get(key);
        if (object == null) {
            // AWS quirk, as it answered GetObjectTagging: only here does <Key> hold "bucket/key".
            throw S3Errors.noSuchKey(bucket.name() + "/" + key);
        }
        ObjectNode out = Output.object();
        object.tags().writeTo(out);
        return out;
    }

    /** 204 whether or not the object had tags; NoSuchKey without the object. */
    public ObjectNode deleteObjectTagging(RequestContext ctx, ObjectNode in) {
        Bucket bucket = registry.require(ctx.accountId(), Input.required(in, "Bucket"));
        String key = Input.required(in, "Key");
        Input.requireNullVersion(Input.text(in, "VersionId"));
        StoredObject untagged = retag(bucket, key, TagSet.NONE);
        notifier.objectEvent(bucket, S3Event.OBJECT_TAGGING_DELETE, untagged, Origin.of(ctx, clock.millis()));
        lifecycle.written(bucket, untagged);
        return Output.object();
    }

    private static StoredObject retag(Bucket bucket, String key, TagSet tags) {
        StoredObject retagged = bucket.objects().computeIfPresent(key, (k, object) -> object.withTags(tags));
        if (retagged == null) {
            throw S3Errors.noSuchKey(key);
        }
        return retagged;
    }
}
