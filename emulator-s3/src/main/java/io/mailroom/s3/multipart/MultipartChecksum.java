package io.mailroom.s3.multipart;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailroom.s3.S3Errors;
import io.mailroom.s3.api.Input;
import io.mailroom.s3.object.ChecksumAlgorithm;
import io.mailroom.s3.object.StoredChecksum;
import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The additional checksums of multipart uploads
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity.html#large-object-checksums):
 * the algorithm chosen at CreateMultipartUpload applies to every part; the object's checksum is either a
 * FULL_OBJECT one of all its bytes, or a COMPOSITE one, the checksum of the parts' checksums followed by
 * {@code -N}. CRC64NVME is full-object only, SHA-1 and SHA-256 composite only; CRC32 and CRC32C are
 * composite unless asked otherwise.
 */
public final class MultipartChecksum {
    private MultipartChecksum() {
    }

    /** The checksum type of a new upload, or null when it has no algorithm. */
    public static String type(ChecksumAlgorithm algorithm, String requested) {
        if (algorithm == null) {
            if (requested != null) {
                throw S3Errors.INVALID_REQUEST.exception("The x-amz-checksum-type header can only be used with the"
                        + " x-amz-checksum-algorithm header.");
            }
            return null;
        }
        String fallback = algorithm == ChecksumAlgorithm.CRC64NVME ? StoredChecksum.FULL_OBJECT : StoredChecksum.COMPOSITE;
        String type = requested == null ? fallback : requested.toUpperCase(Locale.ROOT);
        boolean supported = switch (algorithm) {
            case CRC64NVME -> type.equals(StoredChecksum.FULL_OBJECT);
            case SHA1, SHA256 -> type.equals(StoredChecksum.COMPOSITE);
            case CRC32, CRC32C -> type.equals(StoredChecksum.FULL_OBJECT) || type.equals(StoredChecksum.COMPOSITE);
        };
        if (!supported) {
            throw S3Errors.INVALID_REQUEST.exception("The %s checksum type cannot be used with the %s checksum"
                    + " algorithm.", type, algorithm.name().toLowerCase(Locale.ROOT));
        }
        return type;
    }

    /**
     * A part's checksum: the one it carried, which must use the upload's algorithm, or, when it carried none,
     * the upload's algorithm computed here.
     */
    public static StoredChecksum forPart(Upload upload, StoredChecksum given, byte[] body) {
        ChecksumAlgorithm expected = upload.algorithm();
        if (expected == null) {
            return given;
        }
        if (given == null) {
            return new StoredChecksum(expected, expected.compute(body));
        }
        if (given.algorithm() != expected) {
            throw S3Errors.INVALID_REQUEST.exception("Checksum Type mismatch occurred, expected checksum Type: %s,"
                    + " actual checksum Type: %s", expected.name().toLowerCase(Locale.ROOT),
                    given.algorithm().name().toLowerCase(Locale.ROOT));
        }
        return given;
    }

    /**
     * The completed object's checksum, or null when the upload has no algorithm. A full-object checksum the
     * CompleteMultipartUpload request states must match (BadDigest otherwise).
     */
    public static StoredChecksum of(Upload upload, List<Part> parts, byte[] body, JsonNode request) {
        ChecksumAlgorithm algorithm = upload.algorithm();
        if (algorithm == null) {
            return null;
        }
        if (StoredChecksum.FULL_OBJECT.equals(upload.checksumType())) {
            String value = algorithm.compute(body);
            String stated = Input.text(request, algorithm.member());
            if (stated != null && !stated.trim().equals(value)) {
                throw S3Errors.BAD_DIGEST.exception("The %s you specified did not match the calculated checksum.",
                        algorithm.name());
            }
            return new StoredChecksum(algorithm, value, StoredChecksum.FULL_OBJECT);
        }
        ByteArrayOutputStream partChecksums = new ByteArrayOutputStream();
        for (Part p : parts) {
            partChecksums.writeBytes(Base64.getDecoder().decode(p.checksum().value()));
        }
        return new StoredChecksum(algorithm, algorithm.compute(partChecksums.toByteArray()) + "-" + parts.size(),
                StoredChecksum.COMPOSITE);
    }
}
