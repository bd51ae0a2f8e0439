package io.mailroom.s3.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.request.RequestContext;
import io.mailroom.core.time.HttpDate;
import io.mailroom.core.time.Clock;
import io.mailroom.s3.S3Errors;
import io.mailroom.s3.acl.AccessControlList;
import io.mailroom.s3.acl.AclRequest;
import io.mailroom.s3.bucket.Bucket;
import io.mailroom.s3.bucket.BucketRegistry;
import io.mailroom.s3.lifecycle.Lifecycle;
import io.mailroom.s3.multipart.Part;
import io.mailroom.s3.notification.Notifier;
import io.mailroom.s3.notification.Origin;
import io.mailroom.s3.notification.S3Event;
import io.mailroom.s3.object.ByteRange;
import io.mailroom.s3.object.ChecksumAlgorithm;
import io.mailroom.s3.object.ConditionalWrite;
import io.mailroom.s3.object.ContentMd5;
import io.mailroom.s3.object.CopySource;
import io.mailroom.s3.object.ETag;
import io.mailroom.s3.object.Encryption;
import io.mailroom.s3.object.MetadataDirective;
import io.mailroom.s3.object.ObjectHeaders;
import io.mailroom.s3.object.ObjectKey;
import io.mailroom.s3.object.ObjectLock;
import io.mailroom.s3.object.Preconditions;
import io.mailroom.s3.object.StoredChecksum;
import io.mailroom.s3.object.StoredObject;
import io.mailroom.s3.object.UserMetadata;
import io.mailroom.s3.tag.TagSet;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * PutObject, GetObject, HeadObject, DeleteObject, DeleteObjects and CopyObject. Bodies travel in the
 * canonical tree as binary nodes under {@code Body}, both ways.
 */
public final class ObjectOperations {
    /** The largest object a single PUT may upload (5 GiB). */
    static final long MAX_SINGLE_PUT = 5L * 1024 * 1024 * 1024;
    /** DeleteObjects takes at most this many keys. */
    static final int MAX_DELETE_KEYS = 1000;

    private final BucketRegistry registry;
    private final Clock clock;
    private final Notifier notifier;
    private final Lifecycle lifecycle;

    public ObjectOperations(BucketRegistry registry, Clock clock, Notifier notifier, Lifecycle lifecycle) {
        this.registry = registry;
        this.clock = clock;
        this.notifier = notifier;
        this.lifecycle = lifecycle;
    }

    public ObjectNode putObject(RequestContext ctx, ObjectNode in) {
        return put(ctx, in, S3Event.OBJECT_CREATED_PUT, null);
    }

    /**
     * PutObject, raising {@code event}: a browser-based upload stores the same way but is an ObjectCreated:Post,
     * and brings its tags as a document rather than the {@code x-amz-tagging} header.
     *
     * @param tags the object's tags, or null to read the header
     */
    ObjectNode put(RequestContext ctx, ObjectNode in, S3Event event, TagSet tags) {
        Bucket bucket = registry.require(ctx.accountId(), Input.required(in, "Bucket"));
        AccessControlList acl = AclRequest.of(in).forObject(bucket.ownership(), bucket.owner().canonicalId());
        String key = ObjectKey.validate(Input.required(in, "Key"));
        ObjectLock.refuseRetention(in);
        byte[] body = Input.body(in, "Body");
        JsonNode declared = in.get("ContentLength");
        if (declared != null && declared.asLong() > MAX_SINGLE_PUT) {
            throw S3Errors.ENTITY_TOO_LARGE.exception("Your proposed upload exceeds the maximum allowed size");
        }
        ContentMd5.verify(Input.text(in, "ContentMD5"), body);
        StoredChecksum checksum = StoredChecksum.orDefault(StoredChecksum.of(in, body), body);
        Encryption encryption = Encryption.requested(in, bucket.encryption(), ctx);
        ConditionalWrite condition = new ConditionalWrite(Input.text(in, "IfMatch"), Input.text(in, "IfNoneMatch"));
        StoredObject object = StoredObject.create(key, body, clock.millis(), ObjectHeaders.from(in),
                UserMetadata.normalize(Input.stringMap(in, "Metadata")), Input.text(in, "StorageClass"), checksum)
                .withTags(tags != null ? tags : TagSet.fromHeader(Input.text(in, "Tagging"))).withEncryption(encryption)
                .withAcl(acl);
        condition.apply(bucket.objects(), object);
        notifier.objectEvent(bucket, event, object, Origin.of(ctx, clock.millis()));
        lifecycle.written(bucket, object);
        ObjectNode out = Output.object();
        out.put("ETag", object.etag());
        LifecycleOperations.writeExpiration(bucket, object, out);
        checksum.writeTo(out);
        encryption.writeTo(out);
        return out;
    }

    /**
     * Stores an object for another service of this server (SES), as an unconditional PutObject by
     * {@code ctx}'s account, and raises the bucket's ObjectCreated:Put events. Bucket ownership is not
     * checked: AWS lets services write through bucket policies, which are not modelled here.
     */
    public StoredObject store(RequestContext ctx, String bucketName, String key, byte[] body, ObjectHeaders headers,
                              Map<String, String> metadata) {
        Bucket bucket = registry.find(bucketName)
                .orElseThrow(() -> S3Errors.NO_SUCH_BUCKET.exception("The specified bucket does not exist"));
        StoredObject object = StoredObject.create(ObjectKey.validate(key), body.clone(), clock.millis(), headers,
                UserMetadata.normalize(metadata), null, StoredChecksum.orDefault(null, body))
                .withEncryption(bucket.encryption());
        bucket.objects().put(key, object);
        notifier.objectEvent(bucket, S3Event.OBJECT_CREATED_PUT, object, Origin.of(ctx, clock.millis()));
        lifecycle.written(bucket, object);
        return object;
    }

    public ObjectNode getObject(RequestContext ctx, ObjectNode in) {
        return read(ctx, in, true);
    }

    public ObjectNode headObject(RequestContext ctx, ObjectNode in) {
        return read(ctx, in, false);
    }

    private ObjectNode read(RequestContext ctx, ObjectNode in, boolean withBody) {
        Bucket bucket = registry.require(ctx.accountId(), Input.required(in, "Bucket"));
        String key = Input.required(in, "Key");
        Input.requireNullVersion(Input.text(in, "VersionId"));
        StoredObject object = bucket.object(key);
        long now = clock.millis();
        if (withBody && !object.readable(now)) {
            throw S3Errors.notReadable("The operation is not valid for the object's storage class",
                    object.storageClass());
        }
        ObjectNode out = Output.object();
        if (Preconditions.of(in).evaluate(object, now) == Preconditions.Outcome.NOT_MODIFIED) {
            out.put(Output.STATUS, 304);
            out.put("ETag", object.etag());
            out.put("LastModified", Output.seconds(object.lastModified()));
            return out;
        }
        Optional<ByteRange> range = partOrRange(in, object);
        out.put("AcceptRanges", "bytes");
        out.put("LastModified", Output.seconds(object.lastModified()));
        out.put("ContentLength", range.map(ByteRange::length).orElse(object.size()));
        out.put("ETag", object.etag());
        object.headers().writeTo(out);
        object.encryption().writeTo(out);
        if (!object.metadata().isEmpty()) {
            ObjectNode meta = out.putObject("Metadata");
            object.metadata().forEach(meta::put);
        }
        if (!StoredObject.STANDARD.equals(object.storageClass())) {
            out.put("StorageClass", object.storageClass());
        }
        String restore = object.restore() == null ? null : object.restore().header(now);
        if (restore != null) {
            out.put("Restore", restore);
        }
        if (!object.tags().isEmpty()) {
            out.put("TagCount", object.tags().count());
        }
        LifecycleOperations.writeExpiration(bucket, object, out);
        if (in.has("PartNumber") && !object.partSizes().isEmpty()) {
            // Only objects uploaded in parts have a parts count (x-amz-mp-parts-count).
            out.put("PartsCount", object.partsCount());
        }
        // A range that covers the whole object gets the whole object's checksum, as AWS answered
        // Range: bytes=0-100 and bytes=-15 on a 10-byte object; a part of it gets none.
        if (object.checksum() != null && range.map(ByteRange::whole).orElse(true)
                && "ENABLED".equalsIgnoreCase(Input.text(in, "ChecksumMode"))) {
            object.checksum().writeTo(out);
        }
        applyResponseOverrides(in, out);
        if (range.isPresent()) {
            out.put(Output.STATUS, 206);
            out.put("ContentRange", range.get().contentRange());
        }
        if (withBody) {
            byte[] body = object.body();
            out.put("Body", range.map(r -> Arrays.copyOfRange(body, (int) r.first(), (int) r.last() + 1))
                    .orElseGet(body::clone));
        }
        return out;
    }

    /**
     * {@code partNumber} reads the part as it was uploaded, like a range: 206 with Content-Range. An object
     * uploaded in one request has exactly one part, the whole object
     * (https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html#API_GetObject_RequestSyntax).
     */
    private static Optional<ByteRange> partOrRange(ObjectNode in, StoredObject object) {
        if (in.has("PartNumber")) {
            int number = Part.validNumber(Input.integer(in, "PartNumber", 1));
            ByteRange part = object.part(number);
            if (part == null && !(number == 1 && object.size() == 0)) {
                throw S3Errors.INVALID_PART_NUMBER.exception("The requested partnumber is not satisfiable");
            }
            if (in.has("Range")) {
                throw S3Errors.INVALID_REQUEST.exception("Cannot specify both Range header and partNumber query"
                        + " parameter");
            }
            return Optional.ofNullable(part);
        }
        return ByteRange.parse(Input.text(in, "Range"), object.size());
    }

    /** GET's {@code response-*} query parameters override the stored headers in the answer only. */
    private static void applyResponseOverrides(ObjectNode in, ObjectNode out) {
        String[][] overrides = {{"ResponseCacheControl", "CacheControl"},
                {"ResponseContentDisposition", "ContentDisposition"}, {"ResponseContentEncoding", "ContentEncoding"},
                {"ResponseContentLanguage", "ContentLanguage"}, {"ResponseContentType", "ContentType"}};
        for (String[] o : overrides) {
            String v = Input.text(in, o[0]);
            if (v != null) {
                out.put(o[1], headerValue(v));
            }
        }
        Long expires = Input.timestampMillis(in, "ResponseExpires");
        if (expires != null) {
            out.put("Expires", HttpDate.format(expires));
        }
    }

    /**
     * A query parameter that becomes a response header must be one: ISO-8859-1 without control characters
     * (RFC 9110, section 5.5), or the answer could not be sent at all.
     */
    private static String headerValue(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7F || c > 0xFF) {
                throw S3Errors.INVALID_ARGUMENT.exception("Header value cannot be represented using ISO-8859-1.");
            }
        }
        return v;
    }

    /** Deleting a key that does not exist succeeds (204) and raises no event. */
    public ObjectNode deleteObject(RequestContext ctx, ObjectNode in) {
        Bucket bucket = registry.require(ctx.accountId(), Input.required(in, "Bucket"));
        String key = Input.required(in, "Key");
        Input.requireNullVersion(Input.text(in, "VersionId"));
        ObjectLock.refuseGovernanceBypass(in);
        String ifMatch = Input.text(in, "IfMatch");
        StoredObject removed;
        if (ifMatch != null) {
            StoredObject current = bucket.object(key);
            if (!ETag.listed(ifMatch, current.etag()) || !bucket.objects().remove(key, current)) {
                throw Preconditions.failed("If-Match");
            }
            removed = current;
        } else {
            removed = bucket.objects().remove(key);
        }
        if (removed != null) {
            notifier.objectEvent(bucket, S3Event.OBJECT_REMOVED_DELETE, removed, Origin.of(ctx, clock.millis()));
        }
        return Output.object();
    }

    /**
     * Up to 1000 keys; more, or none, is MalformedXML. Each key succeeds or fails on its own; Quiet mode
     * reports only the failures. A version id other than "null" names a version that cannot exist in an
     * unversioned bucket: S3 reports that key as NoSuchVersion (not the InvalidArgument a single
     * DeleteObject gets), as AWS answered. An object entry with an {@code <ETag>} is deleted only if the object
     * still has it; otherwise it is reported as PreconditionFailed, and stays.
     */
    public ObjectNode deleteObjects(RequestContext ctx, ObjectNode in) {
        Bucket bucket = registry.require(ctx.accountId(), Input.required(in, "Bucket"));
        ObjectNode delete = Input.object(in, "Delete");
        JsonNode objects = delete == null ? null : delete.get("Objects");
        if (objects == null || objects.isNull()) {
            throw Input.malformedXml();
        }
        if (objects.isObject()) {
            objects = Output.NODES.arrayNode().add(objects);
        }
        if (objects.isEmpty() || objects.size() > MAX_DELETE_KEYS) {
            throw Input.malformedXml();
        }
        ObjectLock.refuseGovernanceBypass(in);
        boolean quiet = Input.flag(delete, "Quiet");
        Origin origin = Origin.of(ctx, clock.millis());
        ObjectNode out = Output.object();
        ArrayNode deleted = Output.NODES.arrayNode();
        ArrayNode errors = Output.NODES.arrayNode();
        for (JsonNode o : objects) {
            String key = Input.text(o, "Key");
            if (key == null) {
                throw Input.malformedXml();
            }
            String versionId = Input.text(o, "VersionId");
            if (versionId != null && !versionId.equals("null")) {
                errors.addObject().put("Key", key).put("VersionId", versionId).put("Code", "NoSuchVersion")
                        .put("Message", "The specified version does not exist.");
                continue;
            }
            String etag = Input.text(o, "ETag");
            if (etag != null && !removeIfMatching(bucket, key, etag)) {
                ObjectNode e = errors.addObject().put("Key", key);
                if (versionId != null) {
                    e.put("VersionId", versionId);
                }
                e.put("Code", S3Errors.PRECONDITION_FAILED.code()).put("Message", Preconditions.FAILED_MESSAGE);
                continue;
            }
            if (etag == null) {
                bucket.objects().remove(key);
            }
            notifier.batchKeyDeleted(bucket, key, origin);
            if (!quiet) {
                ObjectNode d = deleted.addObject().put("Key", key);
                if (versionId != null) {
                    d.put("VersionId", versionId);
                }
            }
        }
        if (!deleted.isEmpty()) {
            out.set("Deleted", deleted);
        }
        if (!errors.isEmpty()) {
            out.set("Errors", errors);
        }
        return out;
    }

    /**
     * DeleteObjects' per-object {@code <ETag>}: the object goes only if it still has that ETag (or any, for
     * {@code *}), as with DeleteObject's If-Match
     * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/conditional-deletes.html). A single DeleteObject
     * with If-Match on a missing key answers 404 NoSuchKey; what DeleteObjects reports for a missing key with
     * an ETag could not be confirmed, so it is reported as the failed precondition it is: nothing with that
     * ETag was there to delete, and a caller that named an ETag does not get "Deleted" for it.
     */
    private static boolean removeIfMatching(Bucket bucket, String key, String etag) {
        StoredObject current = bucket.objects().get(key);
        return current != null && ETag.listed(etag, current.etag()) && bucket.objects().remove(key, current);
    }

    /**
     * Copies within or across the caller's buckets. COPY (the default) keeps the source's headers and
     * metadata and ignores the request's; REPLACE takes the request's. Copying an object onto itself must
     * change something, or S3 refuses it
     * (https://docs.aws.amazon.com/AmazonS3/latest/API/API_CopyObject.html).
     */
    public ObjectNode copyObject(RequestContext ctx, ObjectNode in) {
        Bucket target = registry.require(ctx.accountId(), Input.required(in, "Bucket"));
        // A copy has the ACL the request asks for, or the default: S3 never copies the source's.
        AccessControlList acl = AclRequest.of(in).forObject(target.ownership(), target.owner().canonicalId());
        String key = ObjectKey.validate(Input.required(in, "Key"));
        ObjectLock.refuseRetention(in);
        CopySource source = CopySource.parse(Input.text(in, "CopySource"));
        Bucket sourceBucket = registry.require(ctx.accountId(), source.bucket());
        Input.requireNullVersion(source.versionId());
        StoredObject original = sourceBucket.object(source.key());
        original.requireReadableAsCopySource(clock.millis());
        Preconditions.ofCopySource(in).require(original, clock.millis());
        MetadataDirective directive = MetadataDirective.parse(Input.text(in, "MetadataDirective"));
        String storageClass = Input.text(in, "StorageClass");
        boolean sameObject = target == sourceBucket && key.equals(source.key());
        if (sameObject && directive == MetadataDirective.COPY && storageClass == null
                && Input.text(in, "WebsiteRedirectLocation") == null && Input.text(in, "ServerSideEncryption") == null) {
            throw S3Errors.INVALID_REQUEST.exception("This copy request is illegal because it is trying to copy an"
                    + " object to itself without changing the object's metadata, storage class, website redirect"
                    + " location or encryption attributes.");
        }
        ObjectHeaders headers = directive == MetadataDirective.REPLACE ? ObjectHeaders.from(in) : original.headers();
        Map<String, String> metadata = directive == MetadataDirective.REPLACE
                ? UserMetadata.normalize(Input.stringMap(in, "Metadata")) : original.metadata();
        ChecksumAlgorithm algorithm = ChecksumAlgorithm.requested(Input.text(in, "ChecksumAlgorithm"));
        // A copy keeps the source's checksum unless asked for another; objects saved before S3 added default
        // checksums get the default one.
        StoredChecksum checksum = algorithm == null ? StoredChecksum.orDefault(original.checksum(), original.body())
                : new StoredChecksum(algorithm, algorithm.compute(original.body()));
        ConditionalWrite condition = new ConditionalWrite(Input.text(in, "IfMatch"), Input.text(in, "IfNoneMatch"));
        TagSet tags = "REPLACE".equals(Input.text(in, "TaggingDirective"))
                ? TagSet.fromHeader(Input.text(in, "Tagging")) : original.tags();
        // The copy is encrypted as the request or the target bucket asks, whatever the source's encryption.
        Encryption encryption = Encryption.requested(in, target.encryption(), ctx);
        StoredObject copy = StoredObject.create(key, original.body(), clock.millis(), headers, metadata, storageClass,
                checksum).withTags(tags).withEncryption(encryption).withAcl(acl);
        condition.apply(target.objects(), copy);
        notifier.objectEvent(target, S3Event.OBJECT_CREATED_COPY, copy, Origin.of(ctx, clock.millis()));
        lifecycle.written(target, copy);
        ObjectNode out = Output.object();
        encryption.writeTo(out);
        LifecycleOperations.writeExpiration(target, copy, out);
        ObjectNode result = out.putObject("CopyObjectResult");
        result.put("ETag", copy.etag());
        result.put("LastModified", Output.seconds(copy.lastModified()));
        checksum.writeTo(result);
        return out;
    }
}
