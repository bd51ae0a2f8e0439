package io.mailroom.s3.object;

import io.mailroom.s3.S3Errors;
import java.util.concurrent.ConcurrentMap;

/**
 * PutObject's and CopyObject's conditions on the object they replace
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/conditional-writes.html): {@code If-None-Match: *}
 * writes only if there is no object, {@code If-Match} only over the object with that ETag (NoSuchKey if
 * there is none). S3 supports no other If-None-Match value. The check and the write are one atomic step.
 */
public record ConditionalWrite(String ifMatch, String ifNoneMatch) {

    public ConditionalWrite {
        if (ifNoneMatch != null && !ifNoneMatch.trim().equals("*")) {
            throw S3Errors.NOT_IMPLEMENTED.exception("A header you provided implies functionality that is not"
                    + " implemented").with("Header", "If-None-Match");
        }
    }

    /** Stores {@code object} under its key if the conditions hold; answers the object it replaced, or null. */
    public StoredObject apply(ConcurrentMap<String, StoredObject> objects, StoredObject object) {
        if (ifMatch == null && ifNoneMatch == null) {
            return objects.put(object.key(), object);
        }
        StoredObject[] replaced = new StoredObject[1];
        objects.compute(object.key(), (key, existing) -> {
            if (ifNoneMatch != null && existing != null) {
                throw Preconditions.failed("If-None-Match");
            }
            if (ifMatch != null) {
                if (existing == null) {
                    throw S3Errors.noSuchKey(key);
                }
                if (!ETag.listed(ifMatch, existing.etag())) {
                    throw Preconditions.failed("If-Match");
                }
            }
            replaced[0] = existing;
            return object;
        });
        return replaced[0];
    }
}
