package io.mailroom.it;

import static io.mailroom.it.S3Clients.S3;
import static io.mailroom.it.S3Clients.s3Error;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.TransitionDefaultMinimumObjectSize;

/** A lifecycle rule set through S3Client expires objects when the test moves the clock past their midnight. */
@ExtendWith(FrozenClock.class)
class S3LifecycleIT {

    @Test
    void aRuleExpiresObjectsOnTheServerClock() {
        String bucket = S3Clients.createBucket("lifecycle");
        s3Error("NoSuchLifecycleConfiguration", 404, () -> S3.getBucketLifecycleConfiguration(b -> b.bucket(bucket)));
        LifecycleRule rule = LifecycleRule.builder().id("tmp").status(ExpirationStatus.ENABLED)
                .filter(f -> f.prefix("tmp/")).expiration(e -> e.days(1)).build();
        assertThat(S3.putBucketLifecycleConfiguration(b -> b.bucket(bucket).lifecycleConfiguration(c -> c.rules(rule)))
                .transitionDefaultMinimumObjectSize()).isEqualTo(TransitionDefaultMinimumObjectSize.ALL_STORAGE_CLASSES_128_K);
        assertThat(S3.getBucketLifecycleConfiguration(b -> b.bucket(bucket)).rules()).containsExactly(rule);
        s3Error("InvalidArgument", 400, () -> S3.putBucketLifecycleConfiguration(b -> b.bucket(bucket)
                .lifecycleConfiguration(c -> c.rules(rule.toBuilder().expiration(e -> e.days(0)).build()))));

        PutObjectResponse put = S3.putObject(b -> b.bucket(bucket).key("tmp/report.csv"), RequestBody.fromString("x"));
        assertThat(put.expiration()).startsWith("expiry-date=\"").endsWith("\", rule-id=\"tmp\"");
        FrozenClock.advance(Duration.ofDays(3));
        s3Error("NoSuchKey", 404, () -> S3.getObjectAsBytes(b -> b.bucket(bucket).key("tmp/report.csv")));

        S3.putBucketLifecycleConfiguration(b -> b.bucket(bucket).lifecycleConfiguration(c -> c.rules(LifecycleRule.builder()
                .id("uploads").status(ExpirationStatus.ENABLED).filter(f -> f.prefix(""))
                .abortIncompleteMultipartUpload(a -> a.daysAfterInitiation(1)).build())));
        CreateMultipartUploadResponse upload = S3.createMultipartUpload(b -> b.bucket(bucket).key("big.bin"));
        assertThat(upload.abortRuleId()).isEqualTo("uploads");
        assertThat(upload.abortDate()).isNotNull();
        FrozenClock.advance(Duration.ofDays(2));
        s3Error("NoSuchUpload", 404, () -> S3.listParts(b -> b.bucket(bucket).key("big.bin").uploadId(upload.uploadId())));

        S3.deleteBucketLifecycle(b -> b.bucket(bucket));
        s3Error("NoSuchLifecycleConfiguration", 404, () -> S3.getBucketLifecycleConfiguration(b -> b.bucket(bucket)));
    }
}
