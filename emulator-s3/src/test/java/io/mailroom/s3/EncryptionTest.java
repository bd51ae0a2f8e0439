package io.mailroom.s3;

import static io.mailroom.s3.S3Harness.bytes;
import static io.mailroom.s3.S3Harness.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncryptionTest {
    private static final String KEY = "arn:aws:kms:us-east-1:000000000000:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private final S3Harness h = new S3Harness();

    @TempDir
    Path dataDir;

    @BeforeEach
    void bucket() {
        h.createBucket("vault");
    }

    private ObjectNode key(String key) {
        return obj().put("Bucket", "vault").put("Key", key);
    }

    private ObjectNode put(String key) {
        return key(key).put("Body", bytes("secret"));
    }

    private ObjectNode kmsDefault(String keyId, boolean bucketKey) {
        ObjectNode in = obj().put("Bucket", "vault");
        ObjectNode rule = in.putObject("ServerSideEncryptionConfiguration").putArray("Rules").addObject()
                .put("BucketKeyEnabled", bucketKey);
        ObjectNode byDefault = rule.putObject("ApplyServerSideEncryptionByDefault").put("SSEAlgorithm", "aws:kms");
        if (keyId != null) {
            byDefault.put("KMSMasterKeyID", keyId);
        }
        return in;
    }

    @Test
    void everyObjectIsSseS3UnlessAskedOtherwise() {
        assertThat(h.call("PutObject", put("plain")).get("ServerSideEncryption").asText()).isEqualTo("AES256");
        ObjectNode head = h.call("HeadObject", key("plain"));
        assertThat(head.get("ServerSideEncryption").asText()).isEqualTo("AES256");
        assertThat(head.has("SSEKMSKeyId")).isFalse();
        assertThat(h.call("GetObject", key("plain")).get("ServerSideEncryption").asText()).isEqualTo("AES256");

        ObjectNode kms = h.call("PutObject", put("kms").put("ServerSideEncryption", "aws:kms").put("SSEKMSKeyId", KEY)
                .put("BucketKeyEnabled", true));
        assertThat(kms.get("ServerSideEncryption").asText()).isEqualTo("aws:kms");
        assertThat(kms.get("SSEKMSKeyId").asText()).isEqualTo(KEY);
        assertThat(kms.get("BucketKeyEnabled").asBoolean()).isTrue();
        assertThat(h.call("HeadObject", key("kms")).get("SSEKMSKeyId").asText()).isEqualTo(KEY);
        // A key id alone is reported as its ARN; no key at all is the account's AWS managed key.
        assertThat(h.call("PutObject", put("id").put("ServerSideEncryption", "aws:kms").put("SSEKMSKeyId", "k-1"))
                .get("SSEKMSKeyId").asText()).isEqualTo("arn:aws:kms:us-east-1:000000000000:key/k-1");
        assertThat(h.call("PutObject", put("managed").put("ServerSideEncryption", "aws:kms")).get("SSEKMSKeyId").asText())
                .startsWith("arn:aws:kms:us-east-1:000000000000:key/");
    }

    @Test
    void badRequestsAreRefused() {
        h.assertError(S3Errors.INVALID_ARGUMENT, "PutObject", put("k").put("SSEKMSKeyId", KEY));
        h.assertError(S3Errors.INVALID_ARGUMENT, "PutObject", put("k").put("ServerSideEncryption", "AES256")
                .put("SSEKMSKeyId", KEY));
        // SSE-C needs HTTPS, and this server is HTTP.
        h.assertError(S3Errors.INVALID_REQUEST, "PutObject", put("k").put("SSECustomerAlgorithm", "AES256")
                .put("SSECustomerKey", "a2V5").put("SSECustomerKeyMD5", "bWQ1"));
        h.assertError(S3Errors.NO_SUCH_KEY, "HeadObject", key("k"));
    }

    @Test
    void theBucketsDefaultAppliesToNewObjectsCopiesAndUploads() {
        ObjectNode initial = h.call("GetBucketEncryption", obj().put("Bucket", "vault"));
        assertThat(initial.at("/ServerSideEncryptionConfiguration/Rules/0/ApplyServerSideEncryptionByDefault/SSEAlgorithm")
                .asText()).isEqualTo("AES256");
        h.call("PutObject", put("before"));
        h.call("PutBucketEncryption", kmsDefault(KEY, true));
        ObjectNode got = h.call("GetBucketEncryption", obj().put("Bucket", "vault"));
        assertThat(got.at("/ServerSideEncryptionConfiguration/Rules/0/ApplyServerSideEncryptionByDefault/KMSMasterKeyID")
                .asText()).isEqualTo(KEY);
        assertThat(got.at("/ServerSideEncryptionConfiguration/Rules/0/BucketKeyEnabled").asBoolean()).isTrue();

        assertThat(h.call("PutObject", put("after")).get("SSEKMSKeyId").asText()).isEqualTo(KEY);
        // Objects keep what they were written with.
        assertThat(h.call("HeadObject", key("before")).get("ServerSideEncryption").asText()).isEqualTo("AES256");
        // A copy takes the target's encryption, not the source's.
        assertThat(h.call("CopyObject", key("copy").put("CopySource", "vault/before")).get("SSEKMSKeyId").asText())
                .isEqualTo(KEY);
        ObjectNode upload = h.call("CreateMultipartUpload", key("big"));
        assertThat(upload.get("ServerSideEncryption").asText()).isEqualTo("aws:kms");
        // The request wins over the default.
        assertThat(h.call("PutObject", put("explicit").put("ServerSideEncryption", "AES256"))
                .get("ServerSideEncryption").asText()).isEqualTo("AES256");

        h.call("DeleteBucketEncryption", obj().put("Bucket", "vault"));
        assertThat(h.call("PutObject", put("reset")).get("ServerSideEncryption").asText()).isEqualTo("AES256");
    }

    @Test
    void aBadDefaultIsRefused() {
        ObjectNode sseS3WithKey = obj().put("Bucket", "vault");
        sseS3WithKey.putObject("ServerSideEncryptionConfiguration").putArray("Rules").addObject()
                .putObject("ApplyServerSideEncryptionByDefault").put("SSEAlgorithm", "AES256").put("KMSMasterKeyID", KEY);
        h.assertError(S3Errors.INVALID_ARGUMENT, "PutBucketEncryption", sseS3WithKey);
        h.assertError(S3Errors.MALFORMED_XML, "PutBucketEncryption", obj().put("Bucket", "vault")
                .set("ServerSideEncryptionConfiguration", obj()));
    }

    @Test
    void encryptionIsSavedWithObjectsAndBuckets() {
        h.call("PutBucketEncryption", kmsDefault(null, false));
        h.call("PutObject", put("k"));
        h.s3.save(dataDir);
        S3Harness after = new S3Harness();
        after.s3.load(dataDir);
        assertThat(after.call("HeadObject", key("k"))).isEqualTo(h.call("HeadObject", key("k")));
        assertThat(after.call("GetBucketEncryption", obj().put("Bucket", "vault")))
                .isEqualTo(h.call("GetBucketEncryption", obj().put("Bucket", "vault")));
    }
}
