package io.mailroom.s3.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.request.RequestContext;
import io.mailroom.core.time.Clock;
import io.mailroom.s3.S3Errors;
import io.mailroom.s3.bucket.Bucket;
import io.mailroom.s3.bucket.BucketRegistry;
import io.mailroom.s3.listing.ContinuationToken;
import io.mailroom.s3.listing.KeyLister;
import io.mailroom.s3.listing.ListEncoding;
import io.mailroom.s3.listing.ListingPage;
import io.mailroom.s3.listing.ListingStart;
import io.mailroom.s3.object.Restore;
import io.mailroom.s3.object.StoredObject;

/**
 * ListObjectsV2 and ListObjects (v1, still what {@code aws s3 ls} and older tools use). Pages hold at most
 * 1000 entries, keys and common prefixes together.
 */
public final class ListingOperations {
    static final int MAX_KEYS = 1000;

    private final BucketRegistry registry;
    private final Clock clock;

    public ListingOperations(BucketRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /**
     * A continuation token wins over StartAfter, which only places the first page: S3 then does not echo
     * StartAfter either.
     */
    public ObjectNode listObjectsV2(RequestContext ctx, ObjectNode in) {
        Bucket bucket = registry.require(ctx.accountId(), Input.required(in, "Bucket"));
        Query q = Query.of(in);
        String token = Input.text(in, "ContinuationToken");
        String startAfter = Input.text(in, "StartAfter");
        ListingStart start = token != null ? ContinuationToken.decode(token)
                : startAfter != null ? ListingStart.after(startAfter) : ListingStart.from("");
        ListingPage page = KeyLister.page(bucket.objects(), q.prefix, q.delimiter, q.pageSize(), start);
        ObjectNode out = q.common(bucket, page);
        boolean owner = Input.flag(in, "FetchOwner");
        long restoresAt = restoreStatus(in) ? clock.millis() : -1;
        ArrayNode contents = Output.NODES.arrayNode();
        page.contents().forEach(o -> contents.add(entry(o, q.encoding, owner ? bucket : null, restoresAt)));
        if (!contents.isEmpty()) {
            out.set("Contents", contents);
        }
        out.put("KeyCount", page.count());
        if (token != null) {
            out.put("ContinuationToken", token);
        }
        if (page.truncated()) {
            out.put("NextContinuationToken", ContinuationToken.encode(page.next()));
        }
        if (startAfter != null && token == null) {
            out.put("StartAfter", q.encoding.apply(startAfter));
        }
        return out;
    }

    /**
     * NextMarker is only returned when a delimiter was given; without one, clients continue from the
     * last key (https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjects.html).
     */
    public ObjectNode listObjects(RequestContext ctx, ObjectNode in) {
        Bucket bucket = registry.require(ctx.accountId(), Input.required(in, "Bucket"));
        Query q = Query.of(in);
        String marker = Input.text(in, "Marker");
        ListingStart start = marker == null || marker.isEmpty() ? ListingStart.from("") : ListingStart.after(marker);
        ListingPage page = KeyLister.page(bucket.objects(), q.prefix, q.delimiter, q.pageSize(), start);
        ObjectNode out = q.common(bucket, page);
        out.put("Marker", marker == null ? "" : q.encoding.apply(marker));
        long restoresAt = restoreStatus(in) ? clock.millis() : -1;
        ArrayNode contents = Output.NODES.arrayNode();
        page.contents().forEach(o -> contents.add(entry(o, q.encoding, bucket, restoresAt)));
        if (!contents.isEmpty()) {
            out.set("Contents", contents);
        }
        if (page.truncated() && q.delimiter != null) {
            out.put("NextMarker", q.encoding.apply(page.lastItem()));
        }
        return out;
    }

    /** Whether {@code x-amz-optional-object-attributes} asks for archived objects' restores. */
    private static boolean restoreStatus(ObjectNode in) {
        JsonNode asked = in.get("OptionalObjectAttributes");
        if (asked == null) {
            return false;
        }
        for (JsonNode name : asked.isArray() ? asked : Output.NODES.arrayNode().add(asked)) {
            if ("RestoreStatus".equals(name.asText())) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param restoresAt the time to report restores at, when the listing asked for them; else negative. Only an
     *                   object with a restore asked for and not expired has a RestoreStatus, its expiry only
     *                   once ready (https://docs.aws.amazon.com/AmazonS3/latest/API/API_RestoreStatus.html).
     */
    private static ObjectNode entry(StoredObject o, ListEncoding encoding, Bucket owner, long restoresAt) {
        ObjectNode e = Output.object();
        e.put("Key", encoding.apply(o.key()));
        e.put("LastModified", Output.seconds(o.lastModified()));
        e.put("ETag", o.etag());
        if (o.checksum() != null) {
            e.putArray("ChecksumAlgorithm").add(o.checksum().algorithm().name());
            e.put("ChecksumType", o.checksum().type());
        }
        e.put("Size", o.size());
        e.put("StorageClass", o.storageClass());
        if (owner != null) {
            Output.person(e, "Owner", owner.owner());
        }
        Restore restore = o.restore();
        if (restoresAt >= 0 && restore != null && !restore.expired(restoresAt)) {
            ObjectNode status = e.putObject("RestoreStatus");
            status.put("IsRestoreInProgress", restore.ongoing(restoresAt));
            if (!restore.ongoing(restoresAt)) {
                status.put("RestoreExpiryDate", Output.seconds(restore.expiresAt()));
            }
        }
        return e;
    }

    /**
     * The parameters both listings share. An empty delimiter is none: S3 rolls nothing up and does not echo
     * it.
     */
    private record Query(String prefix, String delimiter, int maxKeys, ListEncoding encoding) {

        static Query of(ObjectNode in) {
            String prefix = Input.text(in, "Prefix");
            int maxKeys = Input.integer(in, "MaxKeys", MAX_KEYS);
            if (maxKeys < 0) {
                throw S3Errors.INVALID_ARGUMENT.exception("Argument maxKeys must be an integer between 0 and 2147483647");
            }
            ListEncoding encoding = ListEncoding.of(Input.text(in, "EncodingType"));
            String delimiter = Input.text(in, "Delimiter");
            return new Query(prefix == null ? "" : prefix, delimiter == null || delimiter.isEmpty() ? null : delimiter,
                    maxKeys, encoding);
        }

        int pageSize() {
            return Math.min(maxKeys, MAX_KEYS);
        }

        ObjectNode common(Bucket bucket, ListingPage page) {
            ObjectNode out = Output.object();
            out.put("IsTruncated", page.truncated());
            out.put("Name", bucket.name());
            out.put("Prefix", encoding.apply(prefix));
            if (delimiter != null) {
                out.put("Delimiter", encoding.apply(delimiter));
            }
            out.put("MaxKeys", maxKeys);
            if (encoding.type() != null) {
                out.put("EncodingType", encoding.type());
            }
            if (!page.commonPrefixes().isEmpty()) {
                ArrayNode prefixes = out.putArray("CommonPrefixes");
                page.commonPrefixes().forEach(p -> prefixes.addObject().put("Prefix", encoding.apply(p)));
            }
            return out;
        }
    }
}
