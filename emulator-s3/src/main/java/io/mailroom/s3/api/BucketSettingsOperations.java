package io.mailroom.s3.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.request.RequestContext;
import io.mailroom.s3.S3Errors;
import io.mailroom.s3.bucket.Bucket;
import io.mailroom.s3.bucket.BucketPolicy;
import io.mailroom.s3.bucket.BucketRegistry;
import io.mailroom.s3.tag.TagSet;
import java.nio.charset.StandardCharsets;

/**
 * A bucket's policy and tags: Put, Get and Delete of each. Setting one replaces it whole; getting one a
 * bucket has not got is S3's NoSuchBucketPolicy or NoSuchTagSet; deleting one is 204 either way.
 */
public final class BucketSettingsOperations {
    private final BucketRegistry registry;

    public BucketSettingsOperations(BucketRegistry registry) {
        this.registry = registry;
    }

    public ObjectNode putBucketPolicy(RequestContext ctx, ObjectNode in) {
        Bucket bucket = registry.require(ctx.accountId(), Input.required(in, "Bucket"));
        String text = new String(Input.body(in, "Policy"), StandardCharsets.UTF_8);
        bucket.policy(BucketPolicy.validate(bucket.name(), text));
        return Output.object();
    }

    public ObjectNode getBucketPolicy(RequestContext ctx, ObjectNode in) {
        Bucket bucket = registry.require(ctx.accountId(), Input.required(in, "Bucket"));
        String policy = bucket.policy();
        if (policy == null) {
            throw S3Errors.NO_SUCH_BUCKET_POLICY.exception("The bucket policy does not exist");
        }
        ObjectNode out = Output.object();
        out.put("Policy", policy.getBytes(StandardCharsets.UTF_8));
        return out;
    }

    public ObjectNode deleteBucketPolicy(RequestContext ctx, ObjectNode in) {
        registry.require(ctx.accountId(), Input.required(in, "Bucket")).policy(null);
        return Output.object();
    }

    public ObjectNode putBucketTagging(RequestContext ctx, ObjectNode in) {
        Bucket bucket = registry.require(ctx.accountId(), Input.required(in, "Bucket"));
        bucket.tags(TagSet.forBucket(Input.object(in, "Tagging")));
        return Output.object();
    }

    public ObjectNode getBucketTagging(RequestContext ctx, ObjectNode in) {
        Bucket bucket = registry.require(ctx.accountId(), Input.required(in, "Bucket"));
        if (bucket.tags().isEmpty()) {
            throw S3Errors.NO_SUCH_TAG_SET.exception("The TagSet does not exist");
        }
        ObjectNode out = Output.object();
        ArrayNode set = out.putArray("TagSet");
        bucket.tags().tags().forEach((k, v) -> set.addObject().put("Key", k).put("Value", v));
        return out;
    }

    public ObjectNode deleteBucketTagging(RequestContext ctx, ObjectNode in) {
        registry.require(ctx.accountId(), Input.required(in, "Bucket")).tags(TagSet.NONE);
        return Output.object();
    }
}
