package io.mailroom.s3.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.request.RequestContext;
import io.mailroom.s3.S3Errors;
import io.mailroom.s3.bucket.Bucket;
import io.mailroom.s3.bucket.BucketRegistry;
import io.mailroom.s3.object.ETag;
import io.mailroom.s3.object.StoredObject;
import java.util.HashSet;
import java.util.Set;

/**
 * GetObjectAttributes: the attributes the request names and no others. The ETag comes without quotes.
 * Parts are listed only for an object uploaded in parts with a COMPOSITE checksum, the only kind whose
 * parts S3 keeps checksums of; any other multipart object reports just its part count
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObjectAttributes.html).
 */
public final class AttributesOperations {
    private final BucketRegistry registry;

    public AttributesOperations(BucketRegistry registry) {
        this.registry = registry;
    }

    public ObjectNode getObjectAttributes(RequestContext ctx, ObjectNode in) {
        Bucket bucket = registry.require(ctx.accountId(), Input.required(in, "Bucket"));
        Input.requireNullVersion(Input.text(in, "VersionId"));
        Set<String> wanted = new HashSet<>();
        JsonNode attributes = in.get("ObjectAttributes");
        if (attributes != null) {
            attributes.forEach(a -> wanted.add(a.asText()));
        }
        if (wanted.isEmpty()) {
            throw S3Errors.INVALID_ARGUMENT.exception("Invalid attribute name specified.");
        }
        StoredObject object = bucket.object(Input.required(in, "Key"));
        ObjectNode out = Output.object();
        out.put("LastModified", Output.seconds(object.lastModified()));
        if (wanted.contains("ETag")) {
            out.put("ETag", ETag.unquoted(object.etag()));
        }
        if (wanted.contains("Checksum") && object.checksum() != null) {
            object.checksum().writeTo(out.putObject("Checksum"));
        }
        if (wanted.contains("ObjectParts") && !object.partSizes().isEmpty()) {
            out.set("ObjectParts", parts(object, in));
        }
        if (wanted.contains("StorageClass")) {
            out.put("StorageClass", object.storageClass());
        }
        if (wanted.contains("ObjectSize")) {
            out.put("ObjectSize", object.size());
        }
        return out;
    }

    private static ObjectNode parts(StoredObject object, ObjectNode in) {
        ObjectNode parts = Output.NODES.objectNode();
        parts.put("TotalPartsCount", object.partSizes().size());
        if (object.partChecksums().isEmpty()) {
            return parts;
        }
        int maxParts = MultipartOperations.maxParts(in);
        int marker = Input.integer(in, "PartNumberMarker", 0);
        if (marker < 0) {
            throw S3Errors.INVALID_ARGUMENT.exception(
                    "Argument part-number-marker must be an integer between 0 and 2147483647");
        }
        int pageSize = Math.min(maxParts, MultipartOperations.MAX_LISTED);
        ArrayNode listed = Output.NODES.arrayNode();
        int last = marker;
        int number = marker + 1;
        for (; number <= object.partSizes().size() && listed.size() < pageSize; number++) {
            ObjectNode part = listed.addObject();
            part.put("PartNumber", number);
            part.put("Size", object.partSizes().get(number - 1));
            part.put(object.checksum().algorithm().member(), object.partChecksums().get(number - 1));
            last = number;
        }
        parts.put("PartNumberMarker", marker);
        parts.put("NextPartNumberMarker", last);
        parts.put("MaxParts", maxParts);
        parts.put("IsTruncated", number <= object.partSizes().size());
        if (!listed.isEmpty()) {
            parts.set("Parts", listed);
        }
        return parts;
    }
}
