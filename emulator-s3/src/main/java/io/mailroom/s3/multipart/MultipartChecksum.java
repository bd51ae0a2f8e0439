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
 * {@code -N}; completing a composite upload names every part's checksum. CRC64NVME is full-object only, SHA-1 and SHA-256 composite only; CRC32 and CRC32C are
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
        String fallback = algorithm == ChecksumAlgorithm.CRC64NVME
                ? StoredChecksum.FULL_OBJECT : StoredChecksum.COMPOSITE;
        String type = requested == null ? fallback : requested;
        if (!type.equals(StoredChecksum.FULL_OBJECT) && !type.equals(StoredChecksum.COMPOSITE)) {
            throw S3Errors.INVALID_REQUEST.exception("Value for x-amz-checksum-type header is invalid.");
        }
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

    /** CompleteMultipartUpload's {@code x-amz-checksum-type}, if sent, must be the upload's (BadDigest). */
    public static void checkCompletion(Upload upload, JsonNode request) {
        String stated = Input.text(request, "ChecksumType");
        if (stated != null && !stated.equals(upload.checksumType())) {
            throw S3Errors.BAD_DIGEST.exception("The checksum type %s you specified did not match the checksum type"
                    + " of the upload: %s", stated, upload.checksumType() == null ? "none" : upload.checksumType());
        }
    }

    /**
     * A part listed in CompleteMultipartUpload: for a composite checksum the request must state each part's
     * checksum, and it must be the one the part was uploaded with.
     */
    public static void checkListedPart(Upload upload, Part part, JsonNode listed) {
        if (upload.algorithm() == null || !StoredChecksum.COMPOSITE.equals(upload.checksumType())) {
            return;
        }
        String stated = Input.text(listed, upload.algorithm().member());
        if (stated == null) {
            throw S3Errors.INVALID_REQUEST.exception("The upload was created using a %s checksum. The complete"
                    + " request must include the checksum for each part. It was missing for part %d in the request.",
                    upload.algorithm().name().toLowerCase(Locale.ROOT), part.number());
        }
        if (!stated.trim().equals(part.checksum().value())) {
            throw Part.notAsUploaded();
        }
    }

    /**
     * The completed object's checksum: S3's default full-object CRC64NVME when the upload has no algorithm,
     * as AWS answered such a completion. A full-object checksum the CompleteMultipartUpload request states
     * must match (BadDigest otherwise).
     */
    public static StoredChecksum of(Upload upload, List<Part> parts, byte[] body, JsonNode request) {
        ChecksumAlgorithm algorithm = upload.algorithm();
        if (algorithm == null) {
            return StoredChecksum.orDefault(null, body);
        }
        String value = StoredChecksum.FULL_OBJECT.equals(upload.checksumType()) ? algorithm.compute(body)
                : composite(algorithm, parts);
        String stated = Input.text(request, algorithm.member());
        if (stated != null && !stated.trim().equals(value)) {
            throw S3Errors.BAD_DIGEST.exception("The %s you specified did not match the calculated checksum.",
                    algorithm.name());
        }
        return new StoredChecksum(algorithm, value, upload.checksumType());
    }

    /** The checksum of the parts' checksums one after another, then a dash and the number of parts. */
    private static String composite(ChecksumAlgorithm algorithm, List<Part> parts) {
        ByteArrayOutputStream partChecksums = new ByteArrayOutputStream();
        for (Part p : parts) {
            partChecksums.writeBytes(Base64.getDecoder().decode(p.checksum().value()));
        }
        return algorithm.compute(partChecksums.toByteArray()) + "-" + parts.size();
    }
}
