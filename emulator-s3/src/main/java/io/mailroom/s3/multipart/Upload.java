package io.mailroom.s3.multipart;

import io.mailroom.s3.acl.AccessControlList;
import io.mailroom.s3.object.ChecksumAlgorithm;
import io.mailroom.s3.object.Encryption;
import io.mailroom.s3.object.ObjectHeaders;
import io.mailroom.s3.tag.TagSet;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A multipart upload in progress: what CreateMultipartUpload fixed for the object it will make (headers,
 * metadata, tags, encryption, storage class, checksum algorithm and type) and the parts uploaded so far, by number.
 *
 * @param initiated    epoch millis
 * @param checksumType COMPOSITE or FULL_OBJECT when {@code algorithm} is set, else null
 */
public record Upload(String uploadId, String key, long initiated, String accountId, ObjectHeaders headers,
                     Map<String, String> metadata, String storageClass, ChecksumAlgorithm algorithm,
                     String checksumType, TagSet tags, Encryption encryption, AccessControlList acl,
                     NavigableMap<Integer, Part> parts) {

    public Upload {
        metadata = Map.copyOf(metadata);
    }

    public static Upload start(String uploadId, String key, long initiated, String accountId, ObjectHeaders headers,
                               Map<String, String> metadata, String storageClass, ChecksumAlgorithm algorithm,
                               String checksumType, TagSet tags, Encryption encryption, AccessControlList acl) {
        return new Upload(uploadId, key, initiated, accountId, headers, metadata, storageClass, algorithm,
                checksumType, tags, encryption, acl, new ConcurrentSkipListMap<>());
    }
}
