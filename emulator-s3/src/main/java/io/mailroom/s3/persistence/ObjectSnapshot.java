package io.mailroom.s3.persistence;

import io.mailroom.s3.acl.AccessControlList;
import io.mailroom.s3.object.Encryption;
import io.mailroom.s3.object.ObjectHeaders;
import io.mailroom.s3.object.Restore;
import io.mailroom.s3.object.StoredChecksum;
import io.mailroom.s3.object.StoredObject;
import io.mailroom.s3.tag.TagSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One object in a bucket's manifest; its bytes are in {@code file}, next to the manifest. The ETag is
 * kept to detect a data file that changed since: it must still be the MD5 of the bytes (of each part's
 * bytes, for an object uploaded in parts). {@code partSizes}, {@code tags}, {@code encryption},
 * {@code acl} and {@code partChecksums} are absent from files of earlier builds (whose objects were all
 * SSE-S3 and private).
 *
 * @param lastModified epoch millis
 * @param restore      an archived object's restore, absent when none was asked for (and in earlier builds' files)
 */
public record ObjectSnapshot(String key, String file, String etag, long lastModified, ObjectHeaders headers,
                             Map<String, String> metadata, String storageClass, StoredChecksum checksum,
                             List<Long> partSizes, Map<String, String> tags, Encryption encryption,
                             AccessControlList acl, List<String> partChecksums, Restore restore) {

    public ObjectSnapshot {
        Objects.requireNonNull(key, "an object has no key");
        Objects.requireNonNull(file, "object " + key + " has no file");
        metadata = metadata == null ? Map.of() : metadata;
        headers = headers == null ? ObjectHeaders.of(null) : headers;
        partSizes = partSizes == null ? List.of() : partSizes;
        tags = tags == null ? Map.of() : tags;
    }

    static ObjectSnapshot of(StoredObject o, String file) {
        return new ObjectSnapshot(o.key(), file, o.etag(), o.lastModified(), o.headers(), o.metadata(),
                o.storageClass(), o.checksum(), o.partSizes(), o.tags().tags(), o.encryption(), o.acl(),
                o.partChecksums(), o.restore());
    }

    StoredObject toObject(byte[] body) {
        if (partSizes.stream().mapToLong(Long::longValue).sum() != (partSizes.isEmpty() ? 0 : body.length)
                || partSizes.stream().anyMatch(size -> size < 0)) {
            throw new IllegalArgumentException("object " + key + ": its part sizes do not add up to its "
                    + body.length + " bytes");
        }
        List<String> checksums = partChecksums == null ? List.of() : partChecksums;
        if (!checksums.isEmpty() && checksums.size() != partSizes.size()) {
            throw new IllegalArgumentException("object " + key + ": " + checksums.size() + " part checksums for "
                    + partSizes.size() + " parts");
        }
        return new StoredObject(key, body, etag, lastModified, headers, metadata, storageClass, checksum, partSizes,
                new TagSet(tags), encryption, acl, checksums, restore);
    }
}
