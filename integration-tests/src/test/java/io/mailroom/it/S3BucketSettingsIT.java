package io.mailroom.it;

import static io.mailroom.it.S3Clients.S3;
import static io.mailroom.it.S3Clients.s3Error;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * Bucket policies and bucket tags through S3Client, as a setup script for SES inbound mail sets them:
 * the policy SES's documentation asks for on the bucket receipt rules write to.
 */
class S3BucketSettingsIT {

    @Test
    void policyPutGetDelete() {
        String bucket = S3Clients.createBucket("policy");
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"AllowSESPuts\",\"Effect\":\"Allow\","
                + "\"Principal\":{\"Service\":\"ses.amazonaws.com\"},\"Action\":\"s3:PutObject\","
                + "\"Resource\":\"arn:aws:s3:::" + bucket + "/*\"}]}";
        s3Error("NoSuchBucketPolicy", 404, () -> S3.getBucketPolicy(b -> b.bucket(bucket)));
        S3.putBucketPolicy(b -> b.bucket(bucket).policy(policy));
        assertThat(S3.getBucketPolicy(b -> b.bucket(bucket)).policy()).isEqualTo(policy);
        s3Error("MalformedPolicy", 400, () -> S3.putBucketPolicy(b -> b.bucket(bucket)
                .policy(policy.replace(bucket + "/*", "someone-else/*"))));
        S3.deleteBucketPolicy(b -> b.bucket(bucket));
        s3Error("NoSuchBucketPolicy", 404, () -> S3.getBucketPolicy(b -> b.bucket(bucket)));
    }

    @Test
    void tagsPutGetDelete() {
        String bucket = S3Clients.createBucket("btags");
        s3Error("NoSuchTagSet", 404, () -> S3.getBucketTagging(b -> b.bucket(bucket)));
        S3.putBucketTagging(b -> b.bucket(bucket).tagging(t -> t.tagSet(tag("team", "mail"), tag("env", "test"))));
        assertThat(S3.getBucketTagging(b -> b.bucket(bucket)).tagSet()).containsExactly(tag("team", "mail"), tag("env", "test"));
        s3Error("InvalidTag", 400, () -> S3.putBucketTagging(b -> b.bucket(bucket)
                .tagging(t -> t.tagSet(tag("aws:owner", "x")))));
        S3.deleteBucketTagging(b -> b.bucket(bucket));
        s3Error("NoSuchTagSet", 404, () -> S3.getBucketTagging(b -> b.bucket(bucket)));
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }
}
