package io.mailroom.http.dispatch;

import io.mailroom.core.model.Member;
import io.mailroom.core.model.OperationModel;
import io.mailroom.core.model.ShapeType;
import io.mailroom.s3.S3Errors;
import io.mailroom.s3.object.ContentMd5;
import io.mailroom.s3.object.GivenChecksum;
import java.util.Set;
import java.util.function.Function;

/**
 * The integrity headers of an S3 request whose body is a document: DeleteObjects' list of keys, a bucket's CORS,
 * lifecycle, tagging or notification configuration, an object's tags, a bucket policy. {@code Content-MD5} and
 * {@code x-amz-checksum-<algorithm>} state the body's digest and S3 refuses a body that does not match it
 * (BadDigest), as it does an object's. The operations see only the parsed document, so the bytes are checked here,
 * as received.
 * <p>
 * Operations whose input binds {@code x-amz-checksum-*} itself are the service's to judge: PutObject and UploadPart
 * verify the object's bytes, and CompleteMultipartUpload's checksum is the whole object's, not its body's.
 */
final class DocumentDigest {
    /**
     * Operations that must carry one of the two: the model has {@code requestChecksumRequired} for them, and S3
     * refuses them without (https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObjects.html). The model
     * marks bucket configurations' PUTs so too, where a missing digest is not refused here.
     */
    private static final Set<String> REQUIRED = Set.of("DeleteObjects");

    private DocumentDigest() {
    }

    /** Refuses a document body its digests do not describe; any other request passes. */
    static void verify(OperationModel operation, Function<String, String> header, byte[] body) {
        if (!carriesDocument(operation)) {
            return;
        }
        String contentMd5 = header.apply("Content-MD5");
        GivenChecksum checksum = GivenChecksum.inHeaders(header);
        if (contentMd5 == null && checksum == null && REQUIRED.contains(operation.name())) {
            throw S3Errors.INVALID_REQUEST.exception("Missing required header for this request: Content-MD5");
        }
        ContentMd5.verify(contentMd5, body);
        if (checksum != null) {
            checksum.verify(body);
        }
    }

    private static boolean carriesDocument(OperationModel operation) {
        if (operation.input() == null || operation.input().members().containsKey("ChecksumCRC32")) {
            return false;
        }
        for (Member member : operation.input().members().values()) {
            if (member.payload()) {
                return member.shape().type() != ShapeType.BLOB;
            }
        }
        return false;
    }
}
