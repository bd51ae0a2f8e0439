package io.mailroom.s3.object;

import io.mailroom.s3.S3Errors;
import io.mailroom.s3.acl.AccessControlList;
import io.mailroom.s3.tag.TagSet;
import java.util.List;
import java.util.Map;

/**
 * One object as stored: immutable; a PUT replaces the whole object. The body array is never handed out
 * for writing, and never compared (record equality is not used for objects).
 *
 * @param lastModified epoch millis, whole seconds: S3 reports Last-Modified with second precision and
 *                     compares conditional dates at that precision
 * @param checksum     the additional checksum the upload carried, or null
 * @param partSizes    the sizes of the parts of a multipart upload, in order; empty for an object uploaded
 *                     in one part. GET and HEAD by part number read them.
 * @param tags         the object's tag set (x-amz-tagging, PutObjectTagging)
 * @param encryption   the server-side encryption S3 reports for it
 * @param acl          its ACL, or null for the default: the owner's full control
 * @param partChecksums the checksum of each part, in order, for an object uploaded in parts with a COMPOSITE
 *                     checksum (GetObjectAttributes lists them); empty otherwise
 * @param restore      the restore RestoreObject last asked for, for an archived object; or null
 */
public record StoredObject(String key, byte[] body, String etag, long lastModified, ObjectHeaders headers,
                           Map<String, String> metadata, String storageClass, StoredChecksum checksum,
                           List<Long> partSizes, TagSet tags, Encryption encryption, AccessControlList acl,
                           List<String> partChecksums, Restore restore) {
    public static final String STANDARD = "STANDARD";

    public StoredObject {
        metadata = Map.copyOf(metadata);
        storageClass = storageClass == null ? STANDARD : storageClass;
        partSizes = partSizes == null ? List.of() : List.copyOf(partSizes);
        tags = tags == null ? TagSet.NONE : tags;
        encryption = encryption == null ? Encryption.SSE_S3 : encryption;
        partChecksums = partChecksums == null ? List.of() : List.copyOf(partChecksums);
    }

    public static StoredObject create(String key, byte[] body, long nowMillis, ObjectHeaders headers,
                                      Map<String, String> metadata, String storageClass, StoredChecksum checksum) {
        return new StoredObject(key, body, ETag.of(body), wholeSeconds(nowMillis), headers, metadata, storageClass,
                checksum, List.of(), TagSet.NONE, Encryption.SSE_S3, null, List.of(), null);
    }

    /**
     * An object assembled from the parts of a multipart upload, with the ETag S3 gives such objects and the tags,
     * encryption and ACL the upload was started with.
     */
    public static StoredObject assembled(String key, byte[] body, List<Long> partSizes, String etag, long nowMillis,
                                         ObjectHeaders headers, Map<String, String> metadata, String storageClass,
                                         StoredChecksum checksum, List<String> partChecksums, TagSet tags,
                                         Encryption encryption, AccessControlList acl) {
        return new StoredObject(key, body, etag, wholeSeconds(nowMillis), headers, metadata, storageClass, checksum,
                partSizes, tags, encryption, acl, partChecksums, null);
    }

    private static long wholeSeconds(long millis) {
        return millis - Math.floorMod(millis, 1000L);
    }

    /** The same object with another tag set: tagging changes neither its bytes nor its Last-Modified. */
    public StoredObject withTags(TagSet newTags) {
        return new StoredObject(key, body, etag, lastModified, headers, metadata, storageClass, checksum, partSizes,
                newTags, encryption, acl, partChecksums, restore);
    }

    /** The same object, encrypted (as S3 reports it) the way a request or the bucket's default asked. */
    public StoredObject withEncryption(Encryption newEncryption) {
        return new StoredObject(key, body, etag, lastModified, headers, metadata, storageClass, checksum, partSizes,
                tags, newEncryption, acl, partChecksums, restore);
    }

    /** The same object with another ACL (null: the owner's full control). */
    public StoredObject withAcl(AccessControlList newAcl) {
        return new StoredObject(key, body, etag, lastModified, headers, metadata, storageClass, checksum, partSizes,
                tags, encryption, newAcl, partChecksums, restore);
    }

    /** The same object in another storage class, as a lifecycle transition leaves it. */
    public StoredObject withStorageClass(String newStorageClass) {
        return new StoredObject(key, body, etag, lastModified, headers, metadata, newStorageClass, checksum, partSizes,
                tags, encryption, acl, partChecksums, restore);
    }

    /** The same object with a restore asked for or extended. */
    public StoredObject withRestore(Restore newRestore) {
        return new StoredObject(key, body, etag, lastModified, headers, metadata, storageClass, checksum, partSizes,
                tags, encryption, acl, partChecksums, newRestore);
    }

    /** Whether it is in an archive storage class, whose bytes are read only through a restored copy. */
    public boolean archived() {
        return Restore.GLACIER.equals(storageClass) || Restore.DEEP_ARCHIVE.equals(storageClass);
    }

    /** Whether GET and copies can read its bytes now: not archived, or restored and not yet expired. */
    public boolean readable(long now) {
        return !archived() || restore != null && restore.readable(now);
    }

    /** A copy reads the source's bytes: an archived source must be restored first. */
    public void requireReadableAsCopySource(long now) {
        if (!readable(now)) {
            throw S3Errors.notReadable("Operation is not valid for the source object's storage class", storageClass);
        }
    }

    public long size() {
        return body.length;
    }

    /** The number of parts GET and HEAD report: 1 for an object uploaded in one part. */
    public int partsCount() {
        return partSizes.isEmpty() ? 1 : partSizes.size();
    }

    /** The byte range of part {@code number} (1-based), or null when there is no such part. */
    public ByteRange part(int number) {
        if (partSizes.isEmpty()) {
            return number == 1 && size() > 0 ? new ByteRange(0, size() - 1, size()) : null;
        }
        if (number < 1 || number > partSizes.size()) {
            return null;
        }
        long first = 0;
        for (int i = 0; i < number - 1; i++) {
            first += partSizes.get(i);
        }
        return new ByteRange(first, first + partSizes.get(number - 1) - 1, size());
    }
}
