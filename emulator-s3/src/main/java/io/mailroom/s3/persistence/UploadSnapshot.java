package io.mailroom.s3.persistence;

import io.mailroom.s3.acl.AccessControlList;
import io.mailroom.s3.multipart.Part;
import io.mailroom.s3.multipart.Upload;
import io.mailroom.s3.object.ChecksumAlgorithm;
import io.mailroom.s3.object.Encryption;
import io.mailroom.s3.object.ObjectHeaders;
import io.mailroom.s3.tag.TagSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A multipart upload in progress in a bucket's manifest: S3 keeps one until it is completed or aborted, so a
 * restart must not lose it. Each part's bytes are in a file of its own next to the manifest.
 *
 * @param initiated epoch millis
 */
public record UploadSnapshot(String uploadId, String key, long initiated, String accountId, ObjectHeaders headers,
                             Map<String, String> metadata, String storageClass, ChecksumAlgorithm algorithm,
                             String checksumType, Map<String, String> tags, Encryption encryption,
                             AccessControlList acl, List<PartSnapshot> parts) {

    public UploadSnapshot {
        Objects.requireNonNull(uploadId, "an upload has no uploadId");
        Objects.requireNonNull(key, "upload " + uploadId + " has no key");
        Objects.requireNonNull(accountId, "upload " + uploadId + " has no accountId");
        headers = headers == null ? ObjectHeaders.of(null) : headers;
        metadata = metadata == null ? Map.of() : metadata;
        tags = tags == null ? Map.of() : tags;
        parts = parts == null ? List.of() : parts;
    }

    static UploadSnapshot of(Upload u, List<PartSnapshot> parts) {
        return new UploadSnapshot(u.uploadId(), u.key(), u.initiated(), u.accountId(), u.headers(), u.metadata(),
                u.storageClass(), u.algorithm(), u.checksumType(), u.tags().tags(), u.encryption(), u.acl(), parts);
    }

    /** The upload, with {@code parts} read from their files. */
    Upload toUpload(List<Part> parts) {
        ConcurrentSkipListMap<Integer, Part> byNumber = new ConcurrentSkipListMap<>();
        for (Part p : parts) {
            if (byNumber.put(p.number(), p) != null) {
                throw new IllegalArgumentException("upload " + uploadId + " has part " + p.number() + " twice");
            }
        }
        return new Upload(uploadId, key, initiated, accountId, headers, metadata, storageClass, algorithm,
                checksumType, new TagSet(tags), encryption, acl, byNumber);
    }
}
