package io.mailroom.s3.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.error.AwsException;
import io.mailroom.core.request.RequestContext;
import io.mailroom.core.time.Clock;
import io.mailroom.s3.S3Errors;
import io.mailroom.s3.acl.AccessControlList;
import io.mailroom.s3.acl.AclRequest;
import io.mailroom.s3.bucket.Bucket;
import io.mailroom.s3.bucket.BucketRegistry;
import io.mailroom.s3.bucket.Owner;
import io.mailroom.s3.lifecycle.Lifecycle;
import io.mailroom.s3.listing.KeyEncoding;
import io.mailroom.s3.listing.KeyOrder;
import io.mailroom.s3.listing.ListEncoding;
import io.mailroom.s3.multipart.MultipartChecksum;
import io.mailroom.s3.multipart.Part;
import io.mailroom.s3.multipart.Upload;
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
import io.mailroom.s3.object.ObjectHeaders;
import io.mailroom.s3.object.ObjectKey;
import io.mailroom.s3.object.ObjectLock;
import io.mailroom.s3.object.Preconditions;
import io.mailroom.s3.object.StoredChecksum;
import io.mailroom.s3.object.StoredObject;
import io.mailroom.s3.object.UserMetadata;
import io.mailroom.s3.tag.TagSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Multipart uploads (https://docs.aws.amazon.com/AmazonS3/latest/userguide/mpuoverview.html): what the
 * CLI's {@code aws s3 cp} and the SDKs' transfer managers use for large objects. Parts are kept until the
 * upload is completed, into one object with S3's multipart ETag, or aborted.
 */
public final class MultipartOperations {
    /** Every part but the last must be at least 5 MiB. */
    static final long MIN_PART_SIZE = 5L * 1024 * 1024;
    static final long MAX_PART_SIZE = 5L * 1024 * 1024 * 1024;
    static final int MAX_LISTED = 1000;
    static final long MAX_OBJECT_IN_MEMORY = Integer.MAX_VALUE - 8;
    private static final Pattern COPY_RANGE = Pattern.compile("bytes=(\\d+)-(\\d+)");

    private final BucketRegistry registry;
    private final Clock clock;
    private final Notifier notifier;
    private final Lifecycle lifecycle;

    public MultipartOperations(BucketRegistry registry, Clock clock, Notifier notifier, Lifecycle lifecycle) {
        this.registry = registry;
        this.clock = clock;
        this.notifier = notifier;
        this.lifecycle = lifecycle;
    }

    public ObjectNode createMultipartUpload(RequestContext ctx, ObjectNode in) {
        Bucket bucket = registry.require(ctx.accountId(), Input.required(in, "Bucket"));
        AccessControlList acl = AclRequest.of(in).forObject(bucket.ownership(), bucket.owner().canonicalId());
        String key = ObjectKey.validate(Input.required(in, "Key"));
        ObjectLock.refuseRetention(in);
        ChecksumAlgorithm algorithm = ChecksumAlgorithm.requested(Input.text(in, "ChecksumAlgorithm"));
        String type = MultipartChecksum.type(algorithm, Input.text(in, "ChecksumType"));
        Upload upload = Upload.start(newUploadId(), key, clock.millis(), ctx.accountId(), ObjectHeaders.from(in),
                UserMetadata.normalize(Input.stringMap(in, "Metadata")), Input.text(in, "StorageClass"), algorithm,
                type, TagSet.fromHeader(Input.text(in, "Tagging")), Encryption.requested(in, bucket.encryption(), ctx),
                acl);
        bucket.uploads().add(upload);
        lifecycle.started(bucket, upload);
        ObjectNode out = Output.object();
        LifecycleOperations.writeAbortion(bucket, upload, out);
        upload.encryption().writeTo(out);
        out.put("Bucket", bucket.name());
        out.put("Key", key);
        out.put("UploadId", upload.uploadId());
        if (algorithm != null) {
            out.put("ChecksumAlgorithm", algorithm.name());
            out.put("ChecksumType", type);
        }
        return out;
    }

    public ObjectNode uploadPart(RequestContext ctx, ObjectNode in) {
        Bucket bucket = registry.require(ctx.accountId(), Input.required(in, "Bucket"));
        int number = partNumber(in);
        Upload upload = upload(bucket, in);
        byte[] body = Input.body(in, "Body");
        if (body.length > MAX_PART_SIZE) {
            throw S3Errors.ENTITY_TOO_LARGE.exception("Your proposed upload exceeds the maximum allowed size");
        }
        byte[] md5 = ETag.md5(body);
        ContentMd5.verifyDigest(Input.text(in, "ContentMD5"), md5);
        Part part = store(upload, number, body, md5, StoredChecksum.of(in, body));
        ObjectNode out = Output.object();
        out.put("ETag", part.etag());
        upload.encryption().writeTo(out);
        if (part.checksum() != null) {
            out.put(part.checksum().algorithm().member(), part.checksum().value());
        }
        return out;
    }

    /** A part copied from a range of an existing object ({@code x-amz-copy-source-range: bytes=first-last}). */
    public ObjectNode uploadPartCopy(RequestContext ctx, ObjectNode in) {
        Bucket bucket = registry.require(ctx.accountId(), Input.required(in, "Bucket"));
        int number = partNumber(in);
        CopySource source = CopySource.parse(Input.text(in, "CopySource"));
        Bucket sourceBucket = registry.require(ctx.accountId(), source.bucket());
        Input.requireNullVersion(source.versionId());
        Upload upload = upload(bucket, in);
        StoredObject original = sourceBucket.object(source.key());
        original.requireReadableAsCopySource(clock.millis());
        Preconditions.ofCopySource(in).require(original, clock.millis());
        byte[] body = copyRange(Input.text(in, "CopySourceRange"), original);
        Part part = store(upload, number, body, ETag.md5(body), null);
        ObjectNode out = Output.object();
        upload.encryption().writeTo(out);
        ObjectNode result = out.putObject("CopyPartResult");
        result.put("ETag", part.etag());
        result.put("LastModified", Output.seconds(part.lastModified()));
        if (part.checksum() != null) {
            result.put(part.checksum().algorithm().member(), part.checksum().value());
        }
        return out;
    }

    public ObjectNode completeMultipartUpload(RequestContext ctx, ObjectNode in) {
        Bucket bucket = registry.require(ctx.accountId(), Input.required(in, "Bucket"));
        Upload upload = upload(bucket, in);
        List<Part> parts = listedParts(upload, Input.object(in, "MultipartUpload"));
        MultipartChecksum.checkCompletion(upload, in);
        long total = 0;
        List<Long> sizes = new ArrayList<>(parts.size());
        List<byte[]> md5s = new ArrayList<>(parts.size());
        for (Part p : parts) {
            total += p.size();
            sizes.add(p.size());
            md5s.add(p.md5());
        }
        JsonNode statedSize = in.get("MpuObjectSize");
        if (statedSize != null && !statedSize.isNull() && statedSize.asLong() != total) {
            throw S3Errors.INVALID_REQUEST.exception("The provided 'x-amz-mp-object-size' header value %s does not"
                    + " match what was computed: %d", statedSize.asText(), total);
        }
        if (total > MAX_OBJECT_IN_MEMORY) {
            // S3 takes up to 5 TiB; objects here are byte arrays, so 2 GiB is this store's limit.
            throw S3Errors.ENTITY_TOO_LARGE.exception("Your proposed upload exceeds the maximum allowed size");
        }
        byte[] body = new byte[(int) total];
        int offset = 0;
        for (Part p : parts) {
            System.arraycopy(p.body(), 0, body, offset, p.body().length);
            offset += p.body().length;
        }
        StoredChecksum checksum = MultipartChecksum.of(upload, parts, body, in);
        List<String> partChecksums = checksum != null && StoredChecksum.COMPOSITE.equals(checksum.type())
                ? parts.stream().map(p -> p.checksum().value()).toList() : List.of();
        StoredObject object = StoredObject.assembled(upload.key(), body, sizes, ETag.multipart(md5s), clock.millis(),
                upload.headers(), upload.metadata(), upload.storageClass(), checksum, partChecksums, upload.tags(),
                upload.encryption(), upload.acl());
        ConditionalWrite condition = new ConditionalWrite(Input.text(in, "IfMatch"), Input.text(in, "IfNoneMatch"));
        if (!bucket.uploads().remove(upload)) {
            throw noSuchUpload(upload.uploadId());
        }
        try {
            condition.apply(bucket.objects(), object);
        } catch (RuntimeException e) {
            // A failed condition leaves the upload as it was, to be completed or aborted later.
            bucket.uploads().add(upload);
            throw e;
        }
        notifier.objectEvent(bucket, S3Event.OBJECT_CREATED_COMPLETE_MULTIPART_UPLOAD, object,
                Origin.of(ctx, clock.millis()));
        lifecycle.written(bucket, object);
        ObjectNode out = Output.object();
        if (ctx.endpoint() != null) {
            out.put("Location", ctx.endpoint() + "/" + bucket.name() + "/" + KeyEncoding.url(upload.key()));
        }
        out.put("Bucket", bucket.name());
        out.put("Key", upload.key());
        out.put("ETag", object.etag());
        checksum.writeTo(out);
        upload.encryption().writeTo(out);
        LifecycleOperations.writeExpiration(bucket, object, out);
        return out;
    }

    /** Drops the upload and its parts: 204, or NoSuchUpload when there is no such upload (any more). */
    public ObjectNode abortMultipartUpload(RequestContext ctx, ObjectNode in) {
        Bucket bucket = registry.require(ctx.accountId(), Input.required(in, "Bucket"));
        Upload upload = upload(bucket, in);
        if (!bucket.uploads().remove(upload)) {
            throw noSuchUpload(upload.uploadId());
        }
        return Output.object();
    }

    /** The {@code x-amz-max-parts} of ListParts and GetObjectAttributes: 1,000 unless set, never negative. */
    static int maxParts(ObjectNode in) {
        int maxParts = Input.integer(in, "MaxParts", MAX_LISTED);
        if (maxParts < 0) {
            throw S3Errors.INVALID_ARGUMENT.exception("Argument max-parts must be an integer between 0 and 2147483647");
        }
        return maxParts;
    }

    public ObjectNode listParts(RequestContext ctx, ObjectNode in) {
        Bucket bucket = registry.require(ctx.accountId(), Input.required(in, "Bucket"));
        Upload upload = upload(bucket, in);
        int maxParts = maxParts(in);
        int marker = Input.integer(in, "PartNumberMarker", 0);
        ObjectNode out = Output.object();
        LifecycleOperations.writeAbortion(bucket, upload, out);
        out.put("Bucket", bucket.name());
        out.put("Key", upload.key());
        out.put("UploadId", upload.uploadId());
        out.put("PartNumberMarker", marker);
        ArrayNode listed = Output.NODES.arrayNode();
        int pageSize = Math.min(maxParts, MAX_LISTED);
        boolean truncated = false;
        int last = marker;
        for (Part p : upload.parts().tailMap(marker, false).values()) {
            if (listed.size() == pageSize) {
                truncated = pageSize > 0;
                break;
            }
            ObjectNode e = listed.addObject();
            e.put("PartNumber", p.number());
            e.put("LastModified", Output.seconds(p.lastModified()));
            e.put("ETag", p.etag());
            e.put("Size", p.size());
            if (p.checksum() != null) {
                e.put(p.checksum().algorithm().member(), p.checksum().value());
            }
            last = p.number();
        }
        // S3 names the last part listed whether or not more follow, and 0 when it lists none.
        out.put("NextPartNumberMarker", listed.isEmpty() ? 0 : last);
        out.put("MaxParts", maxParts);
        out.put("IsTruncated", truncated);
        if (!listed.isEmpty()) {
            out.set("Parts", listed);
        }
        people(out, upload.accountId());
        out.put("StorageClass", storageClass(upload));
        if (upload.algorithm() != null) {
            out.put("ChecksumAlgorithm", upload.algorithm().name());
            out.put("ChecksumType", upload.checksumType());
        }
        return out;
    }

    /**
     * Uploads in progress by key, then initiation time. {@code key-marker} alone starts after that key;
     * with {@code upload-id-marker}, after that upload of that key. A delimiter rolls keys up into common
     * prefixes, which count towards {@code max-uploads}
     * (https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListMultipartUploads.html). An upload-id marker
     * naming an upload of another key is InvalidArgument. NextKeyMarker and NextUploadIdMarker are always
     * there and name the last upload listed, empty when a page lists none (only common prefixes); Prefix is
     * echoed only when the request had one.
     */
    public ObjectNode listMultipartUploads(RequestContext ctx, ObjectNode in) {
        Bucket bucket = registry.require(ctx.accountId(), Input.required(in, "Bucket"));
        String requestedPrefix = Input.text(in, "Prefix");
        String prefix = orEmpty(requestedPrefix);
        String delimiter = Input.text(in, "Delimiter");
        String keyMarker = Input.text(in, "KeyMarker");
        String uploadIdMarker = keyMarker == null ? null : Input.text(in, "UploadIdMarker");
        int maxUploads = Input.integer(in, "MaxUploads", MAX_LISTED);
        if (maxUploads < 0) {
            throw S3Errors.INVALID_ARGUMENT.exception("Argument max-uploads must be an integer between 0 and"
                    + " 2147483647");
        }
        ListEncoding encoding = ListEncoding.of(Input.text(in, "EncodingType"));
        int pageSize = Math.min(maxUploads, MAX_LISTED);
        boolean rollUp = delimiter != null && !delimiter.isEmpty();

        ArrayNode uploads = Output.NODES.arrayNode();
        List<String> prefixes = new ArrayList<>();
        boolean truncated = false;
        String nextKey = null;
        String nextUploadId = null;
        List<Upload> all = bucket.uploads().sorted();
        boolean markerKeyGiven = keyMarker != null && !keyMarker.isEmpty();
        boolean uploadMarkerGiven = markerKeyGiven && uploadIdMarker != null && !uploadIdMarker.isEmpty();
        // After an upload-id marker that is still there, the key's later uploads follow in listing order; after
        // one that is gone (aborted between pages), those with a greater upload id (model: UploadIdMarker).
        boolean markerUploadExists = uploadMarkerGiven && all.stream()
                .anyMatch(u -> u.key().equals(keyMarker) && u.uploadId().equals(uploadIdMarker));
        if (uploadMarkerGiven && !markerUploadExists
                && all.stream().anyMatch(u -> u.uploadId().equals(uploadIdMarker))) {
            throw S3Errors.INVALID_ARGUMENT.exception("Invalid uploadId marker")
                    .with("ArgumentName", "upload-id-marker").with("ArgumentValue", uploadIdMarker);
        }
        boolean pastUploadMarker = false;
        String lastPrefix = null;
        for (Upload u : all) {
            if (!u.key().startsWith(prefix)) {
                continue;
            }
            int cut = rollUp ? u.key().indexOf(delimiter, prefix.length()) : -1;
            String common = cut >= 0 ? u.key().substring(0, cut + delimiter.length()) : null;
            if (markerKeyGiven) {
                if (common != null && KeyOrder.INSTANCE.compare(common, keyMarker) <= 0) {
                    continue; // a common prefix an earlier page listed (its NextKeyMarker)
                }
                int c = KeyOrder.INSTANCE.compare(u.key(), keyMarker);
                if (c < 0 || (c == 0 && !uploadMarkerGiven)) {
                    continue;
                }
                if (c == 0 && markerUploadExists && !pastUploadMarker) {
                    pastUploadMarker = u.uploadId().equals(uploadIdMarker);
                    continue;
                }
                if (c == 0 && !markerUploadExists && u.uploadId().compareTo(uploadIdMarker) <= 0) {
                    continue;
                }
            }
            if (common != null && !prefixes.isEmpty() && prefixes.get(prefixes.size() - 1).equals(common)) {
                continue;
            }
            if (uploads.size() + prefixes.size() == pageSize) {
                truncated = pageSize > 0;
                break;
            }
            if (common != null) {
                prefixes.add(common);
                lastPrefix = common;
            } else {
                lastPrefix = null;
                ObjectNode e = uploads.addObject();
                e.put("UploadId", u.uploadId());
                e.put("Key", encoding.apply(u.key()));
                e.put("Initiated", Output.seconds(u.initiated()));
                e.put("StorageClass", storageClass(u));
                people(e, u.accountId());
                if (u.algorithm() != null) {
                    e.put("ChecksumAlgorithm", u.algorithm().name());
                    e.put("ChecksumType", u.checksumType());
                }
                nextKey = u.key();
                nextUploadId = u.uploadId();
            }
        }
        if (truncated && lastPrefix != null) {
            // The next page starts after the common prefix this one ended with: the skip above reads it back.
            nextKey = lastPrefix;
            nextUploadId = null;
        }
        ObjectNode out = Output.object();
        out.put("Bucket", bucket.name());
        out.put("KeyMarker", encoding.apply(orEmpty(keyMarker)));
        out.put("UploadIdMarker", orEmpty(uploadIdMarker));
        // S3 names the last upload listed whether or not more follow.
        out.put("NextKeyMarker", encoding.apply(orEmpty(nextKey)));
        out.put("NextUploadIdMarker", orEmpty(nextUploadId));
        if (requestedPrefix != null) {
            out.put("Prefix", encoding.apply(prefix));
        }
        if (delimiter != null) {
            out.put("Delimiter", encoding.apply(delimiter));
        }
        out.put("MaxUploads", maxUploads);
        out.put("IsTruncated", truncated);
        if (!uploads.isEmpty()) {
            out.set("Uploads", uploads);
        }
        if (!prefixes.isEmpty()) {
            ArrayNode common = out.putArray("CommonPrefixes");
            prefixes.forEach(p -> common.addObject().put("Prefix", encoding.apply(p)));
        }
        if (encoding.type() != null) {
            out.put("EncodingType", encoding.type());
        }
        return out;
    }

    private Part store(Upload upload, int number, byte[] body, byte[] md5, StoredChecksum given) {
        StoredChecksum checksum = MultipartChecksum.forPart(upload, given, body);
        Part part = new Part(number, body, md5, clock.millis(), checksum);
        upload.parts().put(number, part);
        return part;
    }

    /**
     * The parts CompleteMultipartUpload names, checked as S3 checks them: in ascending order, each uploaded
     * with the ETag given, and all but the last at least 5 MiB.
     */
    private static List<Part> listedParts(Upload upload, ObjectNode request) {
        JsonNode listed = request == null ? null : request.get("Parts");
        if (listed == null || listed.isNull()) {
            throw Input.malformedXml();
        }
        if (listed.isObject()) {
            listed = Output.NODES.arrayNode().add(listed);
        }
        if (listed.isEmpty()) {
            throw Input.malformedXml();
        }
        List<Part> parts = new ArrayList<>(listed.size());
        int previous = 0;
        for (JsonNode entry : listed) {
            int number = Part.validNumber(Input.integer(entry, "PartNumber", -1));
            // With additional checksums, parts must be numbered 1, 2, 3... (model: CompletedPart.PartNumber).
            if (number <= previous || (upload.algorithm() != null && number != parts.size() + 1)) {
                throw S3Errors.INVALID_PART_ORDER.exception("The list of parts was not in ascending order. Parts"
                        + " must be ordered by part number.");
            }
            previous = number;
            Part part = upload.parts().get(number);
            String etag = Input.text(entry, "ETag");
            if (part == null || etag == null || !ETag.unquoted(etag.trim()).equals(ETag.unquoted(part.etag()))) {
                throw Part.notAsUploaded();
            }
            MultipartChecksum.checkListedPart(upload, part, entry);
            parts.add(part);
        }
        for (Part part : parts.subList(0, parts.size() - 1)) {
            if (part.size() < MIN_PART_SIZE) {
                // S3 names the first part too small, and its ETag without quotes.
                throw S3Errors.ENTITY_TOO_SMALL.exception("Your proposed upload is smaller than the minimum allowed"
                        + " size").with("ProposedSize", Long.toString(part.size()))
                        .with("MinSizeAllowed", Long.toString(MIN_PART_SIZE))
                        .with("PartNumber", Integer.toString(part.number())).with("ETag", ETag.unquoted(part.etag()));
            }
        }
        return parts;
    }

    private static int partNumber(ObjectNode in) {
        return Part.validNumber(Input.integer(in, "PartNumber", -1));
    }

    private static Upload upload(Bucket bucket, ObjectNode in) {
        String key = Input.required(in, "Key");
        String uploadId = Input.text(in, "UploadId");
        return bucket.uploads().find(uploadId, key).orElseThrow(() -> noSuchUpload(uploadId));
    }

    /** S3 echoes the upload id it did not find as {@code <UploadId>}. */
    private static AwsException noSuchUpload(String uploadId) {
        AwsException e = S3Errors.NO_SUCH_UPLOAD.exception("The specified upload does not exist. The upload ID may be"
                + " invalid, or the upload may have been aborted or completed.");
        return uploadId == null ? e : e.with("UploadId", uploadId);
    }

    /**
     * The bytes {@code bytes=first-last} names, within the source object; the whole object without a range.
     * As AWS answered: a range that is not one such pair, or is reversed, is a malformed argument; one
     * that starts past the end is an invalid request; one that only ends past the end is an argument
     * invalid for that size.
     */
    private static byte[] copyRange(String range, StoredObject source) {
        byte[] body = source.body();
        if (range == null) {
            return body.clone();
        }
        Matcher m = COPY_RANGE.matcher(range.trim());
        long first;
        long last;
        try {
            if (!m.matches()) {
                throw new NumberFormatException();
            }
            first = Long.parseLong(m.group(1));
            last = Long.parseLong(m.group(2));
        } catch (NumberFormatException e) {
            throw copyRangeArgument(range, "The x-amz-copy-source-range value must be of the form bytes=first-last"
                    + " where first and last are the zero-based offsets of the first and last bytes to copy");
        }
        if (first > last) {
            throw copyRangeArgument(range, "The x-amz-copy-source-range value must be of the form bytes=first-last"
                    + " where first and last are the zero-based offsets of the first and last bytes to copy");
        }
        if (first >= body.length) {
            throw S3Errors.INVALID_REQUEST.exception("The specified copy range is invalid for the source object size");
        }
        if (last >= body.length) {
            throw copyRangeArgument(range, "Range specified is not valid for source object of size: " + body.length);
        }
        ByteRange r = new ByteRange(first, last, body.length);
        return Arrays.copyOfRange(body, (int) r.first(), (int) r.last() + 1);
    }

    private static AwsException copyRangeArgument(String range, String message) {
        return S3Errors.INVALID_ARGUMENT.exception(message).with("ArgumentName", "x-amz-copy-source-range")
                .with("ArgumentValue", range);
    }

    private static void people(ObjectNode out, String accountId) {
        Owner owner = new Owner(accountId);
        Output.person(out, "Initiator", owner);
        Output.person(out, "Owner", owner);
    }

    private static String storageClass(Upload u) {
        return u.storageClass() == null ? StoredObject.STANDARD : u.storageClass();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String newUploadId() {
        byte[] random = new byte[48];
        ThreadLocalRandom.current().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

}
