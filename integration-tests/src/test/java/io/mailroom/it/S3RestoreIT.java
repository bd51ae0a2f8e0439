package io.mailroom.it;

import static io.mailroom.it.S3Clients.S3;
import static io.mailroom.it.S3Clients.s3Error;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.InvalidObjectStateException;
import software.amazon.awssdk.services.s3.model.ObjectStorageClass;
import software.amazon.awssdk.services.s3.model.OptionalObjectAttributes;
import software.amazon.awssdk.services.s3.model.RestoreObjectResponse;
import software.amazon.awssdk.services.s3.model.StorageClass;
import software.amazon.awssdk.services.s3.model.Tier;

/** An object archived in GLACIER, read through RestoreObject on a clock the test moves. */
@ExtendWith(FrozenClock.class)
class S3RestoreIT {

    @Test
    void anArchivedObjectIsReadThroughARestore() {
        String bucket = S3Clients.createBucket("vault");
        S3.putObject(b -> b.bucket(bucket).key("report.csv").storageClass(StorageClass.GLACIER),
                RequestBody.fromString("a,b,c"));
        assertThat(S3.listObjectsV2(b -> b.bucket(bucket)).contents().get(0).storageClass())
                .isEqualTo(ObjectStorageClass.GLACIER);
        GetObjectRequest get = GetObjectRequest.builder().bucket(bucket).key("report.csv").build();
        InvalidObjectStateException archived = s3Error(InvalidObjectStateException.class, "InvalidObjectState", 403,
                () -> S3.getObjectAsBytes(get));
        assertThat(archived.storageClass()).isEqualTo(StorageClass.GLACIER);

        RestoreObjectResponse started = S3.restoreObject(b -> b.bucket(bucket).key("report.csv")
                .restoreRequest(r -> r.days(1).glacierJobParameters(p -> p.tier(Tier.EXPEDITED))));
        assertThat(started.sdkHttpResponse().statusCode()).isEqualTo(202);
        assertThat(S3.headObject(b -> b.bucket(bucket).key("report.csv")).restore())
                .isEqualTo("ongoing-request=\"true\"");
        assertThat(S3.listObjectsV2(b -> b.bucket(bucket).optionalObjectAttributes(OptionalObjectAttributes.RESTORE_STATUS))
                .contents().get(0).restoreStatus().isRestoreInProgress()).isTrue();
        s3Error("RestoreAlreadyInProgress", 409, () -> S3.restoreObject(b -> b.bucket(bucket).key("report.csv")
                .restoreRequest(r -> r.days(1).glacierJobParameters(p -> p.tier(Tier.EXPEDITED)))));

        FrozenClock.advance(Duration.ofMinutes(5));
        var restored = S3.getObjectAsBytes(get);
        assertThat(restored.asUtf8String()).isEqualTo("a,b,c");
        assertThat(restored.response().storageClass()).isEqualTo(StorageClass.GLACIER);
        assertThat(restored.response().restore()).startsWith("ongoing-request=\"false\", expiry-date=\"");

        FrozenClock.advance(Duration.ofDays(2));
        s3Error(InvalidObjectStateException.class, "InvalidObjectState", 403, () -> S3.getObjectAsBytes(get));
    }
}
