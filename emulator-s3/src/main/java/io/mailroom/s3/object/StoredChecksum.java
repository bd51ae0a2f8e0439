package io.mailroom.s3.object;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.s3.api.Input;

/**
 * The additional checksum an upload carried, verified against the bytes and kept with the object so
 * GET and HEAD can return it when asked ({@code x-amz-checksum-mode: ENABLED}).
 *
 * @param value base64, as on the wire; a composite checksum of a multipart upload ends in {@code -N}
 * @param type  FULL_OBJECT, or COMPOSITE for a checksum of the parts' checksums; files saved by earlier
 *              builds have none, and those were all FULL_OBJECT
 */
public record StoredChecksum(ChecksumAlgorithm algorithm, String value, String type) {
    public static final String FULL_OBJECT = "FULL_OBJECT";
    public static final String COMPOSITE = "COMPOSITE";

    public StoredChecksum {
        type = type == null ? FULL_OBJECT : type;
    }

    public StoredChecksum(ChecksumAlgorithm algorithm, String value) {
        this(algorithm, value, FULL_OBJECT);
    }

    /**
     * The checksum of a PutObject request: the first {@code x-amz-checksum-*} value, which must match the
     * body (BadDigest otherwise), or, when only {@code x-amz-sdk-checksum-algorithm} is set, the one S3
     * computes for that algorithm; null when the request asks for none.
     */
    public static StoredChecksum of(JsonNode input, byte[] body) {
        GivenChecksum given = GivenChecksum.inInput(input);
        if (given != null) {
            given.verify(body);
            return new StoredChecksum(given.algorithm(), given.value());
        }
        ChecksumAlgorithm requested = ChecksumAlgorithm.requested(Input.text(input, "ChecksumAlgorithm"));
        return requested == null ? null : new StoredChecksum(requested, requested.compute(body));
    }

    /**
     * {@code given}, or the CRC64NVME S3 has computed for every new object uploaded without a checksum
     * since December 2024 and reports like one the upload carried
     * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity.html).
     */
    public static StoredChecksum orDefault(StoredChecksum given, byte[] body) {
        return given != null ? given
                : new StoredChecksum(ChecksumAlgorithm.CRC64NVME, ChecksumAlgorithm.CRC64NVME.compute(body));
    }

    /** Adds the checksum member and {@code ChecksumType} (FULL_OBJECT for every single-part upload). */
    public void writeTo(ObjectNode out) {
        out.put(algorithm.member(), value);
        out.put("ChecksumType", type);
    }
}
