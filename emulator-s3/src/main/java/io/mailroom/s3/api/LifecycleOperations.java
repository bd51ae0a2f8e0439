package io.mailroom.s3.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.request.RequestContext;
import io.mailroom.core.time.HttpDate;
import io.mailroom.s3.S3Errors;
import io.mailroom.s3.bucket.Bucket;
import io.mailroom.s3.bucket.BucketRegistry;
import io.mailroom.s3.lifecycle.Lifecycle;
import io.mailroom.s3.lifecycle.LifecycleConfiguration;
import io.mailroom.s3.multipart.Upload;
import io.mailroom.s3.object.StoredObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * A bucket's lifecycle configuration: Put (replacing it whole), Get and Delete, and the {@code x-amz-expiration}
 * header of the objects it expires. S3 names a rule given without an ID itself, and answers the configuration with
 * those names (https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketLifecycleConfiguration.html).
 */
public final class LifecycleOperations {
    private final BucketRegistry registry;
    private final Lifecycle lifecycle;

    public LifecycleOperations(BucketRegistry registry, Lifecycle lifecycle) {
        this.registry = registry;
        this.lifecycle = lifecycle;
    }

    public ObjectNode putBucketLifecycleConfiguration(RequestContext ctx, ObjectNode in) {
        Bucket bucket = registry.require(ctx.accountId(), Input.required(in, "Bucket"));
        ObjectNode source = Input.object(in, "LifecycleConfiguration");
        ObjectNode named = source == null ? null : source.deepCopy();
        JsonNode rules = named == null ? null : named.get("Rules");
        if (rules != null && rules.isArray()) {
            rules.forEach(rule -> {
                if (rule.isObject() && (!rule.has("ID") || rule.get("ID").isNull())) {
                    ((ObjectNode) rule).put("ID", generatedId());
                }
            });
        }
        LifecycleConfiguration configuration = LifecycleConfiguration.parse(named,
                Input.text(in, "TransitionDefaultMinimumObjectSize"));
        bucket.lifecycle(configuration);
        lifecycle.configured(bucket);
        ObjectNode out = Output.object();
        out.put("TransitionDefaultMinimumObjectSize", configuration.minimumObjectSize());
        return out;
    }

    public ObjectNode getBucketLifecycleConfiguration(RequestContext ctx, ObjectNode in) {
        Bucket bucket = registry.require(ctx.accountId(), Input.required(in, "Bucket"));
        LifecycleConfiguration configuration = bucket.lifecycle();
        if (configuration == null) {
            throw S3Errors.NO_SUCH_LIFECYCLE_CONFIGURATION.exception("The lifecycle configuration does not exist")
                    .with("BucketName", bucket.name());
        }
        ObjectNode out = Output.object();
        out.set("Rules", configuration.source().get("Rules").deepCopy());
        out.put("TransitionDefaultMinimumObjectSize", configuration.minimumObjectSize());
        return out;
    }

    public ObjectNode deleteBucketLifecycle(RequestContext ctx, ObjectNode in) {
        registry.require(ctx.accountId(), Input.required(in, "Bucket")).lifecycle(null);
        return Output.object();
    }

    /** Puts {@code x-amz-expiration} on an answer about {@code object} when a rule of its bucket expires it. */
    static void writeExpiration(Bucket bucket, StoredObject object, ObjectNode out) {
        LifecycleConfiguration configuration = bucket.lifecycle();
        LifecycleConfiguration.Expire expire = configuration == null ? null : configuration.expiration(object);
        if (expire != null) {
            out.put("Expiration", "expiry-date=\"" + HttpDate.format(expire.at()) + "\", rule-id=\""
                    + URLEncoder.encode(expire.ruleId(), StandardCharsets.UTF_8).replace("+", "%20") + "\"");
        }
    }

    /**
     * Puts {@code x-amz-abort-date} and {@code x-amz-abort-rule-id} on CreateMultipartUpload's and ListParts' answers
     * when an AbortIncompleteMultipartUpload rule will end the upload.
     */
    static void writeAbortion(Bucket bucket, Upload upload, ObjectNode out) {
        LifecycleConfiguration configuration = bucket.lifecycle();
        LifecycleConfiguration.Expire abort = configuration == null ? null
                : configuration.abortion(upload.key(), upload.initiated());
        if (abort != null) {
            out.put("AbortDate", Output.seconds(abort.at()));
            out.put("AbortRuleId", abort.ruleId());
        }
    }

    /** Named as S3 names rules: base64 of a random UUID. */
    private static String generatedId() {
        return Base64.getEncoder().encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII));
    }
}
