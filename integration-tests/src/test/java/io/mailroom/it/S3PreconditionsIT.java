package io.mailroom.it;

import static io.mailroom.it.S3Clients.S3;
import static io.mailroom.it.S3Clients.createBucket;
import static io.mailroom.it.S3Clients.etag;
import static io.mailroom.it.S3Clients.s3Error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.DeletedObject;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Error;

/** Conditional requests through the AWS SDK for Java v2, and the header S3 names when one fails. */
class S3PreconditionsIT {

    @Test
    void anIfModifiedSinceInTheFutureIsIgnored() {
        String bucket = createBucket("s3p-future");
        S3.putObject(b -> b.bucket(bucket).key("src"), RequestBody.fromString("data"));
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
        assertThat(S3.copyObject(b -> b.sourceBucket(bucket).sourceKey("src").destinationBucket(bucket)
                .destinationKey("dst").copySourceIfModifiedSince(tomorrow)).copyObjectResult().eTag()).isNotBlank();
        assertThat(S3.getObjectAsBytes(b -> b.bucket(bucket).key("src").ifModifiedSince(tomorrow)).asUtf8String())
                .isEqualTo("data");
        // An If-Unmodified-Since before the object changed still fails a copy.
        Instant past = Instant.now().minus(Duration.ofDays(1));
        s3Error("PreconditionFailed", 412, () -> S3.copyObject(b -> b.sourceBucket(bucket).sourceKey("src")
                .destinationBucket(bucket).destinationKey("dst").copySourceIfUnmodifiedSince(past)));
    }

    @Test
    void aFailedConditionNamesItsHeader() {
        String bucket = createBucket("s3p-names");
        S3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("data"));
        s3Error("PreconditionFailed", 412, () -> S3.putObject(b -> b.bucket(bucket).key("k").ifNoneMatch("*"),
                RequestBody.fromString("again")));
        String host = "127.0.0.1:" + TestServer.get().port();
        S3Clients.RawResponse get = S3Clients.raw("GET", host, "/" + bucket + "/k", Map.of("If-Match", "\"other\""),
                new byte[0]);
        assertThat(get.status()).isEqualTo(412);
        assertThat(get.text()).contains("<Condition>If-Match</Condition>");
        S3Clients.RawResponse put = S3Clients.raw("PUT", host, "/" + bucket + "/k", Map.of("If-None-Match", "*"),
                new byte[] {'x'});
        assertThat(put.status()).isEqualTo(412);
        assertThat(put.text()).contains("<Condition>If-None-Match</Condition>");
    }

    @Test
    void conditionalDeletesKeepAnObjectWhoseEtagChanged() {
        String bucket = createBucket("s3p-delete");
        S3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("v1"));
        s3Error("PreconditionFailed", 412, () -> S3.deleteObject(b -> b.bucket(bucket).key("k").ifMatch(etag("v0"))));
        s3Error(NoSuchKeyException.class, "NoSuchKey", 404, () -> S3.deleteObject(b -> b.bucket(bucket).key("none")
                .ifMatch("*")));

        S3.putObject(b -> b.bucket(bucket).key("same"), RequestBody.fromString("v1"));
        DeleteObjectsResponse batch = S3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(
                ObjectIdentifier.builder().key("k").eTag(etag("v0")).build(),
                ObjectIdentifier.builder().key("same").eTag(etag("v1")).build(),
                ObjectIdentifier.builder().key("none").eTag(etag("v1")).build())));
        assertThat(batch.deleted()).extracting(DeletedObject::key).containsExactly("same");
        assertThat(batch.errors()).extracting(S3Error::key, S3Error::code, S3Error::message).containsExactly(
                tuple("k", "PreconditionFailed",
                        "At least one of the pre-conditions you specified did not hold"),
                tuple("none", "PreconditionFailed",
                        "At least one of the pre-conditions you specified did not hold"));
        assertThat(S3.getObjectAsBytes(b -> b.bucket(bucket).key("k")).asUtf8String()).isEqualTo("v1");
        S3.deleteObject(b -> b.bucket(bucket).key("k").ifMatch(etag("v1")));
        assertThat(S3.listObjectsV2(b -> b.bucket(bucket)).keyCount()).isZero();
    }
}
