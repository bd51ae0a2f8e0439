package io.mailroom.s3.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.request.RequestContext;
import io.mailroom.core.time.Clock;
import io.mailroom.s3.S3Errors;
import io.mailroom.s3.acl.AccessControlList;
import io.mailroom.s3.acl.AclRequest;
import io.mailroom.s3.bucket.AwsRegions;
import io.mailroom.s3.bucket.Bucket;
import io.mailroom.s3.bucket.BucketLocation;
import io.mailroom.s3.bucket.BucketName;
import io.mailroom.s3.bucket.BucketRegistry;
import io.mailroom.s3.bucket.Owner;
import io.mailroom.s3.ownership.ObjectOwnership;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** CreateBucket, DeleteBucket, ListBuckets, HeadBucket and GetBucketLocation. */
public final class BucketOperations {
    private static final int MAX_BUCKETS = 10_000;

    private final BucketRegistry registry;
    private final Clock clock;

    public BucketOperations(BucketRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /**
     * Re-creating a bucket you own answers BucketAlreadyOwnedByYou, except where both the request and the
     * bucket are in us-east-1: there S3 answers 200 for legacy compatibility
     * (https://docs.aws.amazon.com/AmazonS3/latest/API/API_CreateBucket.html#API_CreateBucket_Errors).
     */
    public ObjectNode createBucket(RequestContext ctx, ObjectNode in) {
        String name = Input.required(in, "Bucket");
        BucketName.validate(name);
        if (Input.flag(in, "ObjectLockEnabledForBucket")) {
            // Object Lock needs versioning, which this server does not keep: refusing beats a lock that holds nothing.
            throw S3Errors.NOT_IMPLEMENTED.exception("Object Lock is not emulated by Mailroom");
        }
        BucketLocation location = BucketLocation.resolve(ctx.region(),
                Input.text(Input.object(in, "CreateBucketConfiguration"), "LocationConstraint"));
        Owner owner = new Owner(ctx.accountId());
        ObjectOwnership ownership = ObjectOwnership.parse(Input.text(in, "ObjectOwnership"),
                ObjectOwnership.BUCKET_OWNER_ENFORCED);
        AccessControlList acl = AclRequest.of(in).toAcl(owner.canonicalId());
        acl.requireAllowedUnder(ownership, owner.canonicalId());
        Bucket created = new Bucket(name, owner, location, clock.millis());
        created.ownership(ownership);
        created.acl(acl);
        Bucket holder = registry.putIfAbsent(created);
        if (holder != created) {
            if (!holder.owner().accountId().equals(ctx.accountId())) {
                throw S3Errors.BUCKET_ALREADY_EXISTS.exception("The requested bucket name is not available. The bucket"
                        + " namespace is shared by all users of the system. Please select a different name and try"
                        + " again.").with("BucketName", name);
            }
            boolean legacy = BucketLocation.US_EAST_1.equals(ctx.region())
                    && BucketLocation.US_EAST_1.equals(holder.region());
            if (!legacy) {
                throw S3Errors.BUCKET_ALREADY_OWNED_BY_YOU.exception("Your previous request to create the named bucket"
                        + " succeeded and you already own it.").with("BucketName", name);
            }
        }
        ObjectNode out = Output.object();
        // us-east-1 answers a path; other regions the bucket's virtual-hosted URL.
        out.put("Location", BucketLocation.US_EAST_1.equals(holder.region()) || ctx.endpoint() == null
                ? "/" + name : ctx.endpoint() + "/" + name + "/");
        return out;
    }

    public ObjectNode deleteBucket(RequestContext ctx, ObjectNode in) {
        Bucket bucket = registry.require(ctx.accountId(), Input.required(in, "Bucket"));
        if (!bucket.objects().isEmpty()) {
            throw S3Errors.BUCKET_NOT_EMPTY.exception("The bucket you tried to delete is not empty")
                    .with("BucketName", bucket.name());
        }
        registry.remove(bucket);
        return Output.object();
    }

    /**
     * The caller's buckets by name. {@code BucketRegion} appears in entries only when the request used a
     * parameter, as the API reference says. A BucketRegion that names no AWS region is refused, not an empty
     * list.
     */
    public ObjectNode listBuckets(RequestContext ctx, ObjectNode in) {
        String prefix = Input.text(in, "Prefix");
        String region = Input.text(in, "BucketRegion");
        if (region != null && !AwsRegions.exists(region)) {
            throw S3Errors.INVALID_ARGUMENT.exception("Argument value %s is not a valid AWS Region", region)
                    .with("ArgumentName", "bucket-region");
        }
        String token = Input.text(in, "ContinuationToken");
        int max = Input.integer(in, "MaxBuckets", MAX_BUCKETS);
        if (max < 1 || max > MAX_BUCKETS) {
            throw S3Errors.INVALID_ARGUMENT.exception("Argument max-buckets must be an integer between 1 and 10000");
        }
        String after = token == null ? null : decodeToken(token);
        boolean parameters = prefix != null || region != null || token != null || in.has("MaxBuckets");
        List<Bucket> mine = registry.all().stream()
                .filter(b -> b.owner().accountId().equals(ctx.accountId()))
                .filter(b -> prefix == null || b.name().startsWith(prefix))
                .filter(b -> region == null || b.region().equals(region))
                .filter(b -> after == null || b.name().compareTo(after) > 0)
                .toList();
        ObjectNode out = Output.object();
        ArrayNode buckets = out.putArray("Buckets");
        for (Bucket b : mine.subList(0, Math.min(max, mine.size()))) {
            ObjectNode e = buckets.addObject().put("Name", b.name()).put("CreationDate", Output.seconds(b.createdAt()));
            if (parameters) {
                e.put("BucketRegion", b.region());
            }
        }
        Owner owner = new Owner(ctx.accountId());
        Output.person(out, "Owner", owner);
        if (mine.size() > max) {
            out.put("ContinuationToken", encodeToken(mine.get(max - 1).name()));
        }
        if (prefix != null) {
            out.put("Prefix", prefix);
        }
        return out;
    }

    public ObjectNode headBucket(RequestContext ctx, ObjectNode in) {
        Bucket bucket = registry.require(ctx.accountId(), Input.required(in, "Bucket"));
        ObjectNode out = Output.object();
        out.put("BucketRegion", bucket.region());
        out.put("AccessPointAlias", false);
        return out;
    }

    /** us-east-1 buckets have no location constraint: the element is empty. */
    public ObjectNode getBucketLocation(RequestContext ctx, ObjectNode in) {
        Bucket bucket = registry.require(ctx.accountId(), Input.required(in, "Bucket"));
        ObjectNode out = Output.object();
        if (bucket.location().locationConstraint() != null) {
            out.put("LocationConstraint", bucket.location().locationConstraint());
        }
        return out;
    }

    private static String encodeToken(String lastName) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(lastName.getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeToken(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw S3Errors.INVALID_ARGUMENT.exception("The continuation token provided is incorrect");
        }
    }
}
