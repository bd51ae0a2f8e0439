package io.mailroom.http.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.mailroom.core.error.AwsException;
import io.mailroom.core.model.OperationModel;
import io.mailroom.s3.S3Errors;
import io.mailroom.s3.S3Model;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DocumentDigestTest {
    private static final byte[] DELETE = "<Delete><Object><Key>k</Key></Object></Delete>".getBytes(StandardCharsets.UTF_8);
    /** base64 of MD5("hello") and of CRC32("hello"), as the SDKs send them. */
    private static final String HELLO_MD5 = "XUFAKrxLKna5cZ2REBfFkg==";
    private static final String HELLO_CRC32 = "NhCmhg==";
    private static final byte[] HELLO = "hello".getBytes(StandardCharsets.UTF_8);

    private static OperationModel op(String name) {
        return S3Model.MODEL.operations().get(name);
    }

    private static AwsException refused(String operation, Map<String, String> headers, byte[] body) {
        AwsException e = catchThrowableOfType(() -> DocumentDigest.verify(op(operation), headers::get, body),
                AwsException.class);
        assertThat(e).as("%s with %s", operation, headers).isNotNull();
        return e;
    }

    private static void passes(String operation, Map<String, String> headers, byte[] body) {
        assertThatCode(() -> DocumentDigest.verify(op(operation), headers::get, body)).doesNotThrowAnyException();
    }

    @Test
    void deleteObjectsMustStateItsBodysDigest() {
        AwsException missing = refused("DeleteObjects", Map.of(), DELETE);
        assertThat(missing.error()).isEqualTo(S3Errors.INVALID_REQUEST);
        assertThat(missing.getMessage()).isEqualTo("Missing required header for this request: Content-MD5");
        passes("DeleteObjects", Map.of("Content-MD5", HELLO_MD5), HELLO);
        passes("DeleteObjects", Map.of("x-amz-checksum-crc32", HELLO_CRC32), HELLO);
    }

    @Test
    void aDigestThatDoesNotMatchTheDocumentIsBadDigest() {
        AwsException md5 = refused("DeleteObjects", Map.of("Content-MD5", HELLO_MD5), DELETE);
        assertThat(md5.error()).isEqualTo(S3Errors.BAD_DIGEST);
        assertThat(md5.getMessage()).isEqualTo("The Content-MD5 you specified did not match what we received.");
        AwsException crc = refused("PutBucketCors", Map.of("x-amz-checksum-crc32", HELLO_CRC32), DELETE);
        assertThat(crc.error()).isEqualTo(S3Errors.BAD_DIGEST);
        assertThat(crc.getMessage()).isEqualTo("The CRC32 you specified did not match the calculated checksum.");
        assertThat(refused("PutObjectTagging", Map.of("Content-MD5", "not base64"), HELLO).error())
                .isEqualTo(S3Errors.INVALID_DIGEST);
        assertThat(refused("PutBucketPolicy", Map.of("Content-MD5", HELLO_MD5), DELETE).error())
                .isEqualTo(S3Errors.BAD_DIGEST);
    }

    @Test
    void aDocumentStatesOneChecksumAtMost() {
        AwsException two = refused("DeleteObjects", Map.of("x-amz-checksum-crc32", HELLO_CRC32,
                "x-amz-checksum-sha256", "LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ="), HELLO);
        assertThat(two.error()).isEqualTo(S3Errors.INVALID_REQUEST);
        assertThat(two.getMessage()).startsWith("Expecting a single x-amz-checksum- header.");
    }

    @Test
    void configurationsMayGoWithoutADigest() {
        passes("PutBucketCors", Map.of(), DELETE);
        passes("PutBucketLifecycleConfiguration", Map.of(), DELETE);
        passes("GetObject", Map.of(), new byte[0]);
    }

    @Test
    void checksumsThatAreTheOperationsOwnAreLeftToTheService() {
        // PutObject verifies the object's bytes itself; CompleteMultipartUpload's checksum is the object's.
        passes("PutObject", Map.of("x-amz-checksum-crc32", HELLO_CRC32, "Content-MD5", HELLO_MD5), DELETE);
        passes("CompleteMultipartUpload", Map.of("x-amz-checksum-crc32", HELLO_CRC32), DELETE);
    }
}
