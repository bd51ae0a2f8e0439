package io.mailroom.s3;

import static io.mailroom.s3.S3Harness.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.service.Handler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BucketSettingsTest {
    /** What SES's documentation asks for on a bucket its receipt rules write to. */
    static final String SES_POLICY = """
            {"Version":"2012-10-17","Statement":[{"Sid":"AllowSESPuts","Effect":"Allow",
            "Principal":{"Service":"ses.amazonaws.com"},"Action":"s3:PutObject","Resource":"arn:aws:s3:::inbound/*",
            "Condition":{"StringEquals":{"AWS:SourceAccount":"000000000000"}}}]}""";
    private final S3Harness h = new S3Harness();

    @TempDir
    Path dataDir;

    @BeforeEach
    void createBucket() {
        h.createBucket("inbound");
    }

    private ObjectNode bucket() {
        return obj().put("Bucket", "inbound");
    }

    private ObjectNode policy(String text) {
        return bucket().put("Policy", text.getBytes(StandardCharsets.UTF_8));
    }

    private static ObjectNode tagging(ObjectNode in, int count) {
        ArrayNode set = in.putObject("Tagging").putArray("TagSet");
        for (int i = 0; i < count; i++) {
            set.addObject().put("Key", "k" + i).put("Value", "v" + i);
        }
        return in;
    }

    @Test
    void aPolicyIsStoredReturnedAndDeleted() throws Exception {
        h.assertError(S3Errors.NO_SUCH_BUCKET_POLICY, "GetBucketPolicy", bucket());
        h.call("PutBucketPolicy", policy(SES_POLICY));
        assertThat(new String(h.call("GetBucketPolicy", bucket()).get("Policy").binaryValue(), StandardCharsets.UTF_8))
                .isEqualTo(SES_POLICY);
        h.call("DeleteBucketPolicy", bucket());
        h.call("DeleteBucketPolicy", bucket());
        h.assertError(S3Errors.NO_SUCH_BUCKET_POLICY, "GetBucketPolicy", bucket());
        h.assertError(S3Errors.NO_SUCH_BUCKET, "GetBucketPolicy", obj().put("Bucket", "elsewhere"));
    }

    @Test
    void malformedPoliciesAreRefusedWithTheReason() {
        String statement = "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::inbound/*\"}";
        h.call("PutBucketPolicy", policy("{\"Statement\":[" + statement + "]}"));
        for (String bad : new String[] {"", "[]", "not json", "{\"Version\":\"2012-10-17\"}", "{\"Statement\":[]}",
                "{\"Statement\":[" + statement.replace("\"Allow\"", "\"Maybe\"") + "]}",
                "{\"Statement\":[" + statement.replace("\"Principal\":\"*\",", "") + "]}",
                "{\"Statement\":[" + statement.replace("\"*\"", "{\"AWS\":\"bob\"}") + "]}",
                "{\"Statement\":[" + statement.replace("s3:GetObject", "sqs:SendMessage") + "]}",
                "{\"Statement\":[" + statement.replace("inbound/*", "other-bucket/*") + "]}",
                "{\"Statement\":[" + statement.replace(",\"Resource\":\"arn:aws:s3:::inbound/*\"", "") + "]}",
                "{\"Statement\":[" + (statement + ",").repeat(250) + statement + "]}"}) {
            h.assertError(S3Errors.MALFORMED_POLICY, "PutBucketPolicy", policy(bad));
        }
        // The policy that was there stays.
        assertThat(h.call("GetBucketPolicy", bucket()).has("Policy")).isTrue();
    }

    @Test
    void tagsReplaceEachOtherWithinS3sLimits() {
        h.assertError(S3Errors.NO_SUCH_TAG_SET, "GetBucketTagging", bucket());
        h.call("PutBucketTagging", tagging(bucket(), 50));
        assertThat(h.call("GetBucketTagging", bucket()).get("TagSet")).hasSize(50);
        h.call("PutBucketTagging", tagging(bucket(), 1));
        assertThat(h.call("GetBucketTagging", bucket()).get("TagSet")).hasSize(1);
        h.assertError(S3Errors.BAD_REQUEST, "PutBucketTagging", tagging(bucket(), 51));
        ObjectNode reserved = bucket();
        reserved.putObject("Tagging").putArray("TagSet").addObject().put("Key", "aws:cloudformation:stack").put("Value", "x");
        h.assertError(S3Errors.INVALID_TAG, "PutBucketTagging", reserved);
        h.call("DeleteBucketTagging", bucket());
        h.assertError(S3Errors.NO_SUCH_TAG_SET, "GetBucketTagging", bucket());
    }

    @Test
    void policyAndTagsAreSavedWithTheBucket() {
        h.call("PutBucketPolicy", policy(SES_POLICY));
        h.call("PutBucketTagging", tagging(bucket(), 2));
        h.s3.save(dataDir);
        S3Harness after = new S3Harness();
        after.s3.load(dataDir);
        assertThat(after.call("GetBucketPolicy", bucket())).isEqualTo(h.call("GetBucketPolicy", bucket()));
        assertThat(after.call("GetBucketTagging", bucket())).isEqualTo(h.call("GetBucketTagging", bucket()));
    }

    @Test
    void versioningIsNeverOnSoABucketReportsNoStatus() {
        assertThat(h.call("GetBucketVersioning", bucket()).size()).isZero();
        h.assertError(S3Errors.NO_SUCH_BUCKET, "GetBucketVersioning", obj().put("Bucket", "elsewhere"));
        assertThat(h.s3.operations().find("PutBucketVersioning").orElseThrow())
                .isInstanceOf(Handler.Unsupported.class);
    }
}
