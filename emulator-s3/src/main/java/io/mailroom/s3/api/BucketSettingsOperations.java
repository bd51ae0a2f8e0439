package io.mailroom.s3.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.request.RequestContext;
import io.mailroom.s3.S3Errors;
import io.mailroom.s3.bucket.Bucket;
import io.mailroom.s3.bucket.BucketPolicy;
import io.mailroom.s3.bucket.BucketRegistry;
import io.mailroom.s3.object.Encryption;
import io.mailroom.s3.ownership.ObjectOwnership;
import io.mailroom.s3.tag.TagSet;
import java.nio.charset.StandardCharsets;

/**
 * A bucket's policy, tags, default encryption and ownership controls: Put, Get and Delete of each. Setting
 * one replaces it whole; getting a policy, tags or ownership controls a bucket has not got is S3's
 * NoSuchBucketPolicy, NoSuchTagSet or OwnershipControlsNotFoundError; deleting one is 204 either way.
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

    /**
     * The bucket's default encryption: one rule, SSE-S3 or SSE-KMS. Deleting it puts back SSE-S3, which
     * is every bucket's default (https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteBucketEncryption.html).
     */
    public ObjectNode putBucketEncryption(RequestContext ctx, ObjectNode in) {
        Bucket bucket = registry.require(ctx.accountId(), Input.required(in, "Bucket"));
        JsonNode rule = singleRule(Input.object(in, "ServerSideEncryptionConfiguration"));
        JsonNode byDefault = rule == null ? null : rule.get("ApplyServerSideEncryptionByDefault");
        String algorithm = Input.text(byDefault, "SSEAlgorithm");
        if (algorithm == null) {
            throw Input.malformedXml();
        }
        bucket.encryption(Encryption.bucketDefault(algorithm, Input.text(byDefault, "KMSMasterKeyID"),
                Input.flag(rule, "BucketKeyEnabled"), ctx));
        return Output.object();
    }

    public ObjectNode getBucketEncryption(RequestContext ctx, ObjectNode in) {
        Encryption e = registry.require(ctx.accountId(), Input.required(in, "Bucket")).encryption();
        ObjectNode out = Output.object();
        ObjectNode rule = out.putObject("ServerSideEncryptionConfiguration").putArray("Rules").addObject();
        ObjectNode byDefault = rule.putObject("ApplyServerSideEncryptionByDefault").put("SSEAlgorithm", e.algorithm());
        if (e.kms()) {
            byDefault.put("KMSMasterKeyID", e.kmsKeyId());
        }
        rule.put("BucketKeyEnabled", e.bucketKeyEnabled());
        return out;
    }

    public ObjectNode deleteBucketEncryption(RequestContext ctx, ObjectNode in) {
        registry.require(ctx.accountId(), Input.required(in, "Bucket")).encryption(Encryption.SSE_S3);
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
        bucket.tags().writeTo(out);
        return out;
    }

    public ObjectNode deleteBucketTagging(RequestContext ctx, ObjectNode in) {
        registry.require(ctx.accountId(), Input.required(in, "Bucket")).tags(TagSet.NONE);
        return Output.object();
    }

    /**
     * One rule, as S3 takes it. Enforcing the bucket owner over a bucket whose ACL grants others is refused
     * until that ACL is private again.
     */
    public ObjectNode putBucketOwnershipControls(RequestContext ctx, ObjectNode in) {
        Bucket bucket = registry.require(ctx.accountId(), Input.required(in, "Bucket"));
        JsonNode rule = singleRule(Input.object(in, "OwnershipControls"));
        String value = Input.text(rule, "ObjectOwnership");
        if (value == null) {
            throw Input.malformedXml();
        }
        ObjectOwnership ownership = ObjectOwnership.parse(value, null);
        bucket.acl().requireAllowedUnder(ownership, bucket.owner().canonicalId());
        bucket.ownership(ownership);
        return Output.object();
    }

    public ObjectNode getBucketOwnershipControls(RequestContext ctx, ObjectNode in) {
        ObjectOwnership ownership = registry.require(ctx.accountId(), Input.required(in, "Bucket")).ownership();
        if (ownership == null) {
            throw S3Errors.OWNERSHIP_CONTROLS_NOT_FOUND.exception("The bucket ownership controls were not found");
        }
        ObjectNode out = Output.object();
        out.putObject("OwnershipControls").putArray("Rules").addObject().put("ObjectOwnership", ownership.wireName());
        return out;
    }

    public ObjectNode deleteBucketOwnershipControls(RequestContext ctx, ObjectNode in) {
        registry.require(ctx.accountId(), Input.required(in, "Bucket")).ownership(null);
        return Output.object();
    }

    /**
     * Versioning cannot be turned on here (PutBucketVersioning answers NotImplemented), so every bucket is
     * one that never had it, for which S3 answers a VersioningConfiguration with no Status
     * (https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketVersioning.html).
     */
    public ObjectNode getBucketVersioning(RequestContext ctx, ObjectNode in) {
        registry.require(ctx.accountId(), Input.required(in, "Bucket"));
        return Output.object();
    }

    /** The one rule of an encryption or ownership configuration; null for none or several (MalformedXML). */
    private static JsonNode singleRule(ObjectNode configuration) {
        JsonNode rules = configuration == null ? null : configuration.get("Rules");
        return rules == null ? null : rules.isArray() ? (rules.size() == 1 ? rules.get(0) : null) : rules;
    }
}
