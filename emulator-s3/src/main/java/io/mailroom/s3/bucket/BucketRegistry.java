package io.mailroom.s3.bucket;

import io.mailroom.s3.S3Errors;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every bucket of the server. Bucket names are global in S3, across accounts and regions, so the
 * registry is keyed by name alone and each bucket remembers its owner and region.
 */
public final class BucketRegistry {
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public Optional<Bucket> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(buckets.get(name));
    }

    /**
     * The bucket as {@code accountId} may use it: NoSuchBucket when there is none, AccessDenied when another
     * account owns it (there are no bucket policies here to grant access).
     */
    public Bucket require(String accountId, String name) {
        Bucket b = find(name).orElseThrow(() -> S3Errors.NO_SUCH_BUCKET.exception("The specified bucket does not exist")
                .with("BucketName", name));
        if (!b.owner().accountId().equals(accountId)) {
            throw S3Errors.ACCESS_DENIED.exception("Access Denied");
        }
        return b;
    }

    /** Adds the bucket unless its name is taken; answers the bucket that holds the name afterwards. */
    public Bucket putIfAbsent(Bucket bucket) {
        Bucket existing = buckets.putIfAbsent(bucket.name(), bucket);
        return existing == null ? bucket : existing;
    }

    public boolean remove(Bucket bucket) {
        return buckets.remove(bucket.name(), bucket);
    }

    /** Every bucket, by name. */
    public List<Bucket> all() {
        return buckets.values().stream().sorted(Comparator.comparing(Bucket::name)).toList();
    }

    public void clear() {
        buckets.clear();
    }
}
