package io.mailroom.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailroom.core.service.Handler;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceTest {
    private final S3Harness h = new S3Harness();

    @Test
    void describesItselfAsRestXmlS3() {
        var d = h.s3.descriptor();
        assertThat(d.signingName()).isEqualTo("s3");
        assertThat(d.jsonModel()).get().extracting(m -> m.protocol()).isEqualTo("rest-xml");
        assertThat(d.queryModel()).isEmpty();
        assertThat(d.jsonErrorPrefix()).isNull();
        assertThat(d.errors().get("NoSuchBucket").status()).isEqualTo(404);
        assertThat(d.errors().get("InvalidRange").status()).isEqualTo(416);
        assertThat(d.errors().values()).allSatisfy(e -> assertThat(e.type()).isEqualTo(e.code()));
    }

    @Test
    void everyModelOperationIsEitherServedOrAnswersNotImplemented() {
        Map<String, Handler> all = h.s3.operations().all();
        var model = h.s3.descriptor().jsonModel().orElseThrow();
        // POST Object and OPTIONS object are S3's too, but in no SDK model: the front end calls them by name, and
        // asks for the CORS headers of other requests so.
        var modelAndForm = new java.util.HashSet<>(model.operations().keySet());
        modelAndForm.addAll(java.util.List.of("PostObject", "OptionsObject", "CrossOriginHeaders"));
        assertThat(all.keySet()).containsExactlyInAnyOrderElementsOf(modelAndForm);
        assertThat(all.entrySet().stream().filter(e -> e.getValue() instanceof Handler.Sync).map(Map.Entry::getKey))
                .containsExactlyInAnyOrder("CreateBucket", "DeleteBucket", "ListBuckets", "HeadBucket",
                        "GetBucketLocation", "PutObject", "GetObject", "HeadObject", "DeleteObject", "DeleteObjects",
                        "CopyObject", "ListObjectsV2", "ListObjects", "GetBucketNotificationConfiguration",
                        "PutBucketNotificationConfiguration", "CreateMultipartUpload", "UploadPart", "UploadPartCopy",
                        "CompleteMultipartUpload", "AbortMultipartUpload", "ListParts", "ListMultipartUploads",
                        "PutObjectTagging", "GetObjectTagging", "DeleteObjectTagging", "PutBucketPolicy", "GetBucketPolicy",
                        "DeleteBucketPolicy", "PutBucketTagging", "GetBucketTagging", "DeleteBucketTagging",
                        "PutBucketEncryption", "GetBucketEncryption", "DeleteBucketEncryption",
                        "PutBucketOwnershipControls", "GetBucketOwnershipControls", "DeleteBucketOwnershipControls",
                        "GetBucketAcl", "PutBucketAcl", "GetObjectAcl", "PutObjectAcl", "GetBucketVersioning",
                        "GetObjectAttributes", "PostObject", "PutBucketCors", "GetBucketCors", "DeleteBucketCors",
                        "OptionsObject", "CrossOriginHeaders", "RestoreObject", "PutBucketLifecycleConfiguration",
                        "GetBucketLifecycleConfiguration", "DeleteBucketLifecycle");
        assertThat(all.get("GetBucketWebsite")).isInstanceOf(Handler.Unsupported.class);
        assertThat(((Handler.Unsupported) all.get("PutBucketVersioning")).reason()).contains("PutBucketVersioning");
    }
}
