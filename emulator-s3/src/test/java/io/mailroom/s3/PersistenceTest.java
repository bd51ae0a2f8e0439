package io.mailroom.s3;

import static io.mailroom.s3.S3Harness.body;
import static io.mailroom.s3.S3Harness.bytes;
import static io.mailroom.s3.S3Harness.json;
import static io.mailroom.s3.S3Harness.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.request.RequestContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersistenceTest {
    private static final String QUEUE = "arn:aws:sqs:eu-west-1:000000000000:events";

    @TempDir
    Path dataDir;

    private static S3Harness populated() {
        S3Harness h = new S3Harness();
        h.queues.existing.add(QUEUE);
        h.createBucket("mail");
        ObjectNode in = obj().put("Bucket", "mail").put("Key", "inbox/ünïcode key?.eml").put("Body", bytes("hello"))
                .put("ContentType", "message/rfc822").put("ChecksumAlgorithm", "CRC32");
        in.putObject("Metadata").put("from", "a@example.com");
        h.call("PutObject", in);
        h.put("mail", "empty", "");
        h.ctx = new RequestContext(S3Harness.ACCOUNT, "eu-west-1", "r", null);
        ObjectNode eu = obj().put("Bucket", "mail-eu");
        eu.putObject("CreateBucketConfiguration").put("LocationConstraint", "eu-west-1");
        h.call("CreateBucket", eu);
        ObjectNode cfg = obj().put("Bucket", "mail-eu");
        cfg.set("NotificationConfiguration", json("{'QueueConfigurations':[{'Id':'n1','QueueArn':'" + QUEUE
                + "','Events':['s3:ObjectCreated:*'],'Filter':{'Key':{'FilterRules':[{'Name':'suffix','Value':'.eml'}]}}}]}"));
        h.call("PutBucketNotificationConfiguration", cfg);
        h.ctx = new RequestContext(S3Harness.ACCOUNT, "us-east-1", "r", null);
        return h;
    }

    @Test
    void multipartObjectsKeepTheirEtagPartsCompositeChecksumAndTags() {
        S3Harness before = new S3Harness();
        before.createBucket("big");
        String id = before.call("CreateMultipartUpload", obj().put("Bucket", "big").put("Key", "k")
                .put("ChecksumAlgorithm", "CRC32")).get("UploadId").asText();
        byte[] first = new byte[5 * 1024 * 1024];
        ObjectNode p1 = before.call("UploadPart", obj().put("Bucket", "big").put("Key", "k").put("UploadId", id)
                .put("PartNumber", 1).put("Body", first));
        ObjectNode p2 = before.call("UploadPart", obj().put("Bucket", "big").put("Key", "k").put("UploadId", id)
                .put("PartNumber", 2).put("Body", bytes("tail")));
        ObjectNode complete = obj().put("Bucket", "big").put("Key", "k").put("UploadId", id);
        complete.putObject("MultipartUpload").putArray("Parts")
                .add(obj().put("PartNumber", 1).put("ETag", p1.get("ETag").asText())
                        .put("ChecksumCRC32", p1.get("ChecksumCRC32").asText()))
                .add(obj().put("PartNumber", 2).put("ETag", p2.get("ETag").asText())
                        .put("ChecksumCRC32", p2.get("ChecksumCRC32").asText()));
        before.call("CompleteMultipartUpload", complete);
        ObjectNode tags = obj().put("Bucket", "big").put("Key", "k");
        tags.putObject("Tagging").putArray("TagSet").addObject().put("Key", "kind").put("Value", "archive");
        before.call("PutObjectTagging", tags);
        before.s3.save(dataDir);

        S3Harness after = new S3Harness();
        after.s3.load(dataDir);
        ObjectNode head = obj().put("Bucket", "big").put("Key", "k").put("PartNumber", 2).put("ChecksumMode", "ENABLED");
        assertThat(after.call("HeadObject", head)).isEqualTo(before.call("HeadObject", head));
        assertThat(after.call("HeadObject", head).get("ETag").asText()).endsWith("-2\"");
        assertThat(after.call("ListMultipartUploads", obj().put("Bucket", "big")).has("Uploads")).isFalse();
        assertThat(after.call("GetObjectTagging", obj().put("Bucket", "big").put("Key", "k")))
                .isEqualTo(before.call("GetObjectTagging", obj().put("Bucket", "big").put("Key", "k")));
        assertThat(after.call("HeadObject", head).get("TagCount").asInt()).isEqualTo(1);
    }

    @Test
    void saveAndLoadRoundTrip() {
        S3Harness before = populated();
        before.s3.save(dataDir);
        assertThat(dataDir.resolve("s3/000000000000/us-east-1/mail/bucket.json")).exists();
        assertThat(dataDir.resolve("s3/000000000000/eu-west-1/mail-eu/bucket.json")).exists();

        S3Harness after = new S3Harness();
        after.queues.existing.add(QUEUE);
        after.s3.load(dataDir);
        ObjectNode got = after.call("GetObject", obj().put("Bucket", "mail").put("Key", "inbox/ünïcode key?.eml")
                .put("ChecksumMode", "ENABLED"));
        ObjectNode original = before.call("GetObject", obj().put("Bucket", "mail").put("Key", "inbox/ünïcode key?.eml")
                .put("ChecksumMode", "ENABLED"));
        assertThat(got).isEqualTo(original);
        assertThat(body(got)).isEqualTo("hello");
        assertThat(got.get("ChecksumCRC32").asText()).isEqualTo("NhCmhg==");
        assertThat(after.call("ListObjectsV2", obj().put("Bucket", "mail")))
                .isEqualTo(before.call("ListObjectsV2", obj().put("Bucket", "mail")));
        assertThat(after.call("ListBuckets", obj())).isEqualTo(before.call("ListBuckets", obj()));
        assertThat(after.call("GetBucketLocation", obj().put("Bucket", "mail-eu")).get("LocationConstraint").asText())
                .isEqualTo("eu-west-1");
        assertThat(after.call("GetBucketNotificationConfiguration", obj().put("Bucket", "mail-eu")))
                .isEqualTo(before.call("GetBucketNotificationConfiguration", obj().put("Bucket", "mail-eu")));

        // The restored configuration still filters and delivers.
        after.queues.sent.clear();
        after.put("mail-eu", "a.txt", "x");
        after.put("mail-eu", "a.eml", "x");
        assertThat(after.queues.bodies(QUEUE)).extracting(e -> e.at("/Records/0/s3/object/key").asText())
                .containsExactly("a.eml");
    }

    @Test
    void aSecondSaveReplacesTheFirst() {
        S3Harness h = populated();
        h.s3.save(dataDir);
        h.call("DeleteObject", obj().put("Bucket", "mail").put("Key", "empty"));
        h.s3.save(dataDir);
        assertThat(dataDir.resolve("s3.previous")).doesNotExist();
        assertThat(dataDir.resolve("s3.saving")).doesNotExist();
        S3Harness after = new S3Harness();
        after.s3.load(dataDir);
        assertThat(after.call("ListObjectsV2", obj().put("Bucket", "mail")).get("KeyCount").asInt()).isEqualTo(1);
    }

    @Test
    void aSaveInterruptedBetweenTheRenamesLeavesThePreviousStateReadable() throws IOException {
        populated().s3.save(dataDir);
        Files.move(dataDir.resolve("s3"), dataDir.resolve("s3.previous"));
        S3Harness after = new S3Harness();
        after.s3.load(dataDir);
        assertThat(after.s3.buckets()).extracting(b -> b.name()).containsExactly("mail", "mail-eu");
    }

    @Test
    void nothingSavedLoadsNothingAndResetEmpties() {
        S3Harness h = populated();
        h.s3.load(dataDir);
        assertThat(h.s3.buckets()).hasSize(2);
        h.s3.reset();
        assertThat(h.s3.buckets()).isEmpty();
    }

    @Test
    void uploadsInProgressOutliveARestartAndCompleteAfterIt() {
        S3Harness before = new S3Harness();
        before.createBucket("big");
        ObjectNode create = obj().put("Bucket", "big").put("Key", "pending/ünï.eml")
                .put("ChecksumAlgorithm", "SHA256").put("ContentType", "message/rfc822").put("Tagging", "kind=mail").put("StorageClass", "STANDARD_IA");
        create.putObject("Metadata").put("from", "a@example.com");
        String id = before.call("CreateMultipartUpload", create).get("UploadId").asText();
        byte[] first = new byte[5 * 1024 * 1024];
        first[7] = 42;
        ObjectNode p1 = before.call("UploadPart", obj().put("Bucket", "big").put("Key", "pending/ünï.eml")
                .put("UploadId", id).put("PartNumber", 1).put("Body", first));
        String empty = before.call("CreateMultipartUpload", obj().put("Bucket", "big").put("Key", "no-parts"))
                .get("UploadId").asText();
        ObjectNode listUploads = obj().put("Bucket", "big");
        ObjectNode listParts = obj().put("Bucket", "big").put("Key", "pending/ünï.eml").put("UploadId", id);
        ObjectNode uploadsBefore = before.call("ListMultipartUploads", listUploads);
        ObjectNode partsBefore = before.call("ListParts", listParts);
        before.s3.save(dataDir);

        S3Harness after = new S3Harness();
        after.s3.load(dataDir);

        assertThat(after.call("ListMultipartUploads", listUploads)).isEqualTo(uploadsBefore);
        assertThat(after.call("ListParts", listParts)).isEqualTo(partsBefore);
        ObjectNode p2 = after.call("UploadPart", obj().put("Bucket", "big").put("Key", "pending/ünï.eml")
                .put("UploadId", id).put("PartNumber", 2).put("Body", bytes("tail")));
        ObjectNode complete = obj().put("Bucket", "big").put("Key", "pending/ünï.eml").put("UploadId", id);
        complete.putObject("MultipartUpload").putArray("Parts")
                .add(obj().put("PartNumber", 1).put("ETag", p1.get("ETag").asText())
                        .put("ChecksumSHA256", p1.get("ChecksumSHA256").asText()))
                .add(obj().put("PartNumber", 2).put("ETag", p2.get("ETag").asText())
                        .put("ChecksumSHA256", p2.get("ChecksumSHA256").asText()));
        assertThat(after.call("CompleteMultipartUpload", complete).get("ETag").asText()).endsWith("-2\"");

        ObjectNode head = after.call("HeadObject", obj().put("Bucket", "big").put("Key", "pending/ünï.eml"));
        assertThat(head.get("ContentLength").asLong()).isEqualTo(first.length + 4);
        assertThat(head.get("ContentType").asText()).isEqualTo("message/rfc822");
        assertThat(head.get("StorageClass").asText()).isEqualTo("STANDARD_IA");
        assertThat(head.get("Metadata").get("from").asText()).isEqualTo("a@example.com");
        assertThat(head.get("TagCount").asInt()).isEqualTo(1);
        after.call("AbortMultipartUpload", obj().put("Bucket", "big").put("Key", "no-parts").put("UploadId", empty));
        assertThat(after.call("ListMultipartUploads", listUploads).has("Uploads")).isFalse();
    }

    @Test
    void aChangedPartFileIsRefusedNamingIt() throws IOException {
        S3Harness before = new S3Harness();
        before.createBucket("big");
        String id = before.call("CreateMultipartUpload", obj().put("Bucket", "big").put("Key", "k"))
                .get("UploadId").asText();
        before.call("UploadPart", obj().put("Bucket", "big").put("Key", "k").put("UploadId", id)
                .put("PartNumber", 3).put("Body", bytes("part three")));
        before.s3.save(dataDir);
        Files.writeString(dataDir.resolve("s3/000000000000/us-east-1/big/uploads/0"), "tampered");

        S3Harness after = new S3Harness();
        assertThatThrownBy(() -> after.s3.load(dataDir)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bucket.json").hasMessageContaining("part 3")
                .hasMessageContaining("no longer matches its ETag");
    }

    @Test
    void aDamagedTreeIsRefusedNamingTheFile() throws IOException {
        populated().s3.save(dataDir);
        Path manifest = dataDir.resolve("s3/000000000000/us-east-1/mail/bucket.json");
        Path firstObject = dataDir.resolve("s3/000000000000/us-east-1/mail/objects/0");
        Files.writeString(firstObject, "tampered");
        S3Harness after = new S3Harness();
        assertThatThrownBy(() -> after.s3.load(dataDir)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bucket.json").hasMessageContaining("no longer matches its ETag");
        Files.writeString(manifest, "{\"format\":7}");
        assertThatThrownBy(() -> after.s3.load(dataDir)).hasMessageContaining("unsupported manifest format 7");
        assertThat(after.s3.buckets()).isEmpty();
    }

    @Test
    void aBucketNamedLikeTheManifestComesBack() {
        S3Harness before = new S3Harness();
        before.createBucket("bucket.json");
        before.put("bucket.json", "bucket.json", "not a manifest");
        before.s3.save(dataDir);

        S3Harness after = new S3Harness();
        after.s3.load(dataDir);
        assertThat(after.call("GetObject", obj().put("Bucket", "bucket.json").put("Key", "bucket.json")))
                .isEqualTo(before.call("GetObject", obj().put("Bucket", "bucket.json").put("Key", "bucket.json")));
    }

    @Test
    void aBucketDirectoryWithoutItsManifestIsRefusedNamingItAndKept() throws IOException {
        populated().s3.save(dataDir);
        Path bucketDir = dataDir.resolve("s3/000000000000/us-east-1/mail");
        Files.delete(bucketDir.resolve("bucket.json"));

        S3Harness after = new S3Harness();
        assertThatThrownBy(() -> after.s3.load(dataDir)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(bucketDir + " is a bucket's directory without its bucket.json");
        assertThat(bucketDir.resolve("objects/0")).exists();
        assertThat(bucketDir.resolve("objects/1")).exists();
    }
}
