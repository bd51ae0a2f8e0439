package io.mailroom.it;

import static io.mailroom.it.S3Clients.S3;
import static io.mailroom.it.S3Clients.s3Error;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectAttributesResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsResponse;
import software.amazon.awssdk.services.s3.model.ListPartsResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.ObjectAttributes;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * Multipart uploads through S3Client step by step, through the SDK's own multipart client
 * ({@code S3AsyncClient} with {@code multipartEnabled}), and through {@code aws s3 cp} of a file over the
 * CLI's 8 MiB threshold.
 */
class S3MultipartIT {
    private static final int MIB = 1024 * 1024;

    private static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void uploadPartsListThemCompleteAndReadByPart() {
        String bucket = S3Clients.createBucket("mpu");
        byte[] one = random(5 * MIB, 1);
        byte[] two = random(1000, 2);
        String id = S3.createMultipartUpload(b -> b.bucket(bucket).key("big.bin").contentType("application/zip")
                .checksumAlgorithm(ChecksumAlgorithm.CRC32)).uploadId();

        UploadPartResponse p1 = S3.uploadPart(b -> b.bucket(bucket).key("big.bin").uploadId(id).partNumber(1)
                .checksumAlgorithm(ChecksumAlgorithm.CRC32), RequestBody.fromBytes(one));
        UploadPartResponse p2 = S3.uploadPart(b -> b.bucket(bucket).key("big.bin").uploadId(id).partNumber(2)
                .checksumAlgorithm(ChecksumAlgorithm.CRC32), RequestBody.fromBytes(two));
        assertThat(p1.eTag()).isEqualTo(S3Clients.etag(one));
        assertThat(p1.checksumCRC32()).isEqualTo(S3Clients.crc32(one));

        ListPartsResponse parts = S3.listParts(b -> b.bucket(bucket).key("big.bin").uploadId(id));
        assertThat(parts.parts()).extracting(Part::partNumber).containsExactly(1, 2);
        assertThat(parts.parts()).extracting(Part::size).containsExactly((long) one.length, (long) two.length);
        ListMultipartUploadsResponse uploads = S3.listMultipartUploads(b -> b.bucket(bucket));
        assertThat(uploads.uploads()).extracting(MultipartUpload::uploadId).containsExactly(id);

        CompleteMultipartUploadResponse done = S3.completeMultipartUpload(b -> b.bucket(bucket).key("big.bin")
                .uploadId(id).multipartUpload(m -> m.parts(
                        CompletedPart.builder().partNumber(1).eTag(p1.eTag()).checksumCRC32(p1.checksumCRC32()).build(),
                        CompletedPart.builder().partNumber(2).eTag(p2.eTag()).checksumCRC32(p2.checksumCRC32()).build())));
        assertThat(done.eTag()).endsWith("-2\"");
        assertThat(done.checksumCRC32()).endsWith("-2");
        assertThat(done.checksumType()).isEqualTo(ChecksumType.COMPOSITE);

        HeadObjectResponse head = S3.headObject(b -> b.bucket(bucket).key("big.bin").checksumMode(ChecksumMode.ENABLED));
        assertThat(head.contentLength()).isEqualTo(one.length + two.length);
        assertThat(head.eTag()).isEqualTo(done.eTag());
        assertThat(head.contentType()).isEqualTo("application/zip");
        assertThat(S3.getObjectAsBytes(b -> b.bucket(bucket).key("big.bin").partNumber(2)).asByteArray()).isEqualTo(two);
        assertThat(S3.headObject(b -> b.bucket(bucket).key("big.bin").partNumber(1)).partsCount()).isEqualTo(2);
        byte[] whole = S3.getObjectAsBytes(b -> b.bucket(bucket).key("big.bin")).asByteArray();
        assertThat(whole).hasSize(one.length + two.length);
        assertThat(S3Clients.etag(java.util.Arrays.copyOfRange(whole, one.length, whole.length)))
                .isEqualTo(S3Clients.etag(two));

        s3Error(NoSuchUploadException.class, "NoSuchUpload", 404,
                () -> S3.abortMultipartUpload(b -> b.bucket(bucket).key("big.bin").uploadId(id)));
    }

    /** Parts with checksums are listed by GetObjectAttributes, a page at a time; the ETag comes unquoted. */
    @Test
    void getObjectAttributesOfACompositeUpload() {
        String bucket = S3Clients.createBucket("mpu-attr");
        byte[] one = random(5 * MIB, 5);
        byte[] two = random(100, 6);
        String id = S3.createMultipartUpload(b -> b.bucket(bucket).key("k").checksumAlgorithm(ChecksumAlgorithm.CRC32))
                .uploadId();
        List<CompletedPart> parts = new ArrayList<>();
        byte[][] bodies = {one, two};
        for (int i = 0; i < bodies.length; i++) {
            int number = i + 1;
            UploadPartResponse r = S3.uploadPart(b -> b.bucket(bucket).key("k").uploadId(id).partNumber(number)
                    .checksumAlgorithm(ChecksumAlgorithm.CRC32), RequestBody.fromBytes(bodies[i]));
            parts.add(CompletedPart.builder().partNumber(number).eTag(r.eTag()).checksumCRC32(r.checksumCRC32()).build());
        }
        String etag = S3.completeMultipartUpload(b -> b.bucket(bucket).key("k").uploadId(id)
                .multipartUpload(m -> m.parts(parts))).eTag();

        GetObjectAttributesResponse first = S3.getObjectAttributes(b -> b.bucket(bucket).key("k").maxParts(1)
                .objectAttributes(ObjectAttributes.E_TAG, ObjectAttributes.OBJECT_PARTS, ObjectAttributes.OBJECT_SIZE,
                        ObjectAttributes.CHECKSUM));
        assertThat(first.eTag()).isEqualTo(etag.replace("\"", ""));
        assertThat(first.objectSize()).isEqualTo(one.length + two.length);
        assertThat(first.checksum().checksumType()).isEqualTo(ChecksumType.COMPOSITE);
        assertThat(first.objectParts().totalPartsCount()).isEqualTo(2);
        assertThat(first.objectParts().isTruncated()).isTrue();
        assertThat(first.objectParts().parts()).singleElement().satisfies(p -> {
            assertThat(p.partNumber()).isEqualTo(1);
            assertThat(p.size()).isEqualTo(one.length);
            assertThat(p.checksumCRC32()).isEqualTo(parts.get(0).checksumCRC32());
        });
        GetObjectAttributesResponse second = S3.getObjectAttributes(b -> b.bucket(bucket).key("k")
                .partNumberMarker(first.objectParts().nextPartNumberMarker()).objectAttributes(ObjectAttributes.OBJECT_PARTS));
        assertThat(second.eTag()).isNull();
        assertThat(second.objectParts().isTruncated()).isFalse();
        assertThat(second.objectParts().parts()).extracting(p -> p.partNumber()).containsExactly(2);
        s3Error("NoSuchKey", 404, () -> S3.getObjectAttributes(b -> b.bucket(bucket).key("missing")
                .objectAttributes(ObjectAttributes.E_TAG)));
    }

    /** A request signed for S3 (signatures are not checked), its error document whole. */
    private static S3Clients.RawResponse signedRaw(String method, String pathAndQuery, String body) {
        return S3Clients.raw(method, "127.0.0.1:" + TestServer.get().port(), pathAndQuery, Map.of(
                "Authorization", "AWS4-HMAC-SHA256 Credential=test/20260102/us-east-1/s3/aws4_request,"
                        + " SignedHeaders=host, Signature=" + "0".repeat(64)),
                body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void completionErrorsAndAbort() {
        String bucket = S3Clients.createBucket("mpu-err");
        String id = S3.createMultipartUpload(b -> b.bucket(bucket).key("k")).uploadId();
        String small = S3.uploadPart(b -> b.bucket(bucket).key("k").uploadId(id).partNumber(1),
                RequestBody.fromString("tiny")).eTag();
        String last = S3.uploadPart(b -> b.bucket(bucket).key("k").uploadId(id).partNumber(2),
                RequestBody.fromString("last")).eTag();
        s3Error("EntityTooSmall", 400, () -> S3.completeMultipartUpload(b -> b.bucket(bucket).key("k").uploadId(id)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(small).build(),
                        CompletedPart.builder().partNumber(2).eTag(last).build()))));
        // S3 details the first part too small after the message, which the SDK does not keep.
        S3Clients.RawResponse tooSmall = signedRaw("POST", "/" + bucket + "/k?uploadId=" + id, "<CompleteMultipartUpload>"
                + "<Part><PartNumber>1</PartNumber><ETag>" + small + "</ETag></Part>"
                + "<Part><PartNumber>2</PartNumber><ETag>" + last + "</ETag></Part></CompleteMultipartUpload>");
        assertThat(tooSmall.text()).contains("<ProposedSize>4</ProposedSize><MinSizeAllowed>5242880</MinSizeAllowed>"
                + "<PartNumber>1</PartNumber><ETag>" + small.replace("\"", "") + "</ETag>");
        s3Error("InvalidPartOrder", 400, () -> S3.completeMultipartUpload(b -> b.bucket(bucket).key("k").uploadId(id)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(2).eTag(last).build(),
                        CompletedPart.builder().partNumber(1).eTag(small).build()))));
        s3Error("InvalidPart", 400, () -> S3.completeMultipartUpload(b -> b.bucket(bucket).key("k").uploadId(id)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(last).build()))));
        s3Error("InvalidArgument", 400, () -> S3.uploadPart(b -> b.bucket(bucket).key("k").uploadId(id)
                .partNumber(10_001), RequestBody.fromString("x")));
        s3Error(NoSuchUploadException.class, "NoSuchUpload", 404, () -> S3.uploadPart(b -> b.bucket(bucket).key("k")
                .uploadId("not-an-upload").partNumber(1), RequestBody.fromString("x")));
        assertThat(signedRaw("PUT", "/" + bucket + "/k?partNumber=1&uploadId=not-an-upload", "x").text())
                .contains("<Code>NoSuchUpload</Code>", "<UploadId>not-an-upload</UploadId>");

        S3.abortMultipartUpload(b -> b.bucket(bucket).key("k").uploadId(id));
        assertThat(S3.listMultipartUploads(b -> b.bucket(bucket)).uploads()).isEmpty();
        s3Error(NoSuchUploadException.class, "NoSuchUpload", 404,
                () -> S3.listParts(b -> b.bucket(bucket).key("k").uploadId(id)));
    }

    @Test
    void uploadPartCopyBuildsAnObjectFromRangesOfAnother() {
        String bucket = S3Clients.createBucket("mpu-copy");
        byte[] source = random(6 * MIB, 3);
        S3.putObject(b -> b.bucket(bucket).key("source"), RequestBody.fromBytes(source));
        String id = S3.createMultipartUpload(b -> b.bucket(bucket).key("copy")).uploadId();
        List<CompletedPart> parts = new ArrayList<>();
        String[] ranges = {"bytes=0-5242879", "bytes=5242880-6291455"};
        for (int i = 0; i < ranges.length; i++) {
            int number = i + 1;
            String range = ranges[i];
            String etag = S3.uploadPartCopy(b -> b.sourceBucket(bucket).sourceKey("source").destinationBucket(bucket)
                    .destinationKey("copy").uploadId(id).partNumber(number).copySourceRange(range))
                    .copyPartResult().eTag();
            parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
        }
        // A range starting past the source's end is an invalid request; one only ending past it, a bad argument.
        S3Clients.s3Error("InvalidRequest", 400, () -> S3.uploadPartCopy(b -> b.sourceBucket(bucket).sourceKey("source")
                .destinationBucket(bucket).destinationKey("copy").uploadId(id).partNumber(3)
                .copySourceRange("bytes=6291456-6291460")));
        S3Clients.s3Error("InvalidArgument", 400, () -> S3.uploadPartCopy(b -> b.sourceBucket(bucket).sourceKey("source")
                .destinationBucket(bucket).destinationKey("copy").uploadId(id).partNumber(3)
                .copySourceRange("bytes=0-6291456")));
        CompleteMultipartUploadResponse done = S3.completeMultipartUpload(b -> b.bucket(bucket).key("copy")
                .uploadId(id).multipartUpload(m -> m.parts(parts)));
        // Begun without a checksum algorithm, the object gets S3's default full-object CRC64NVME.
        assertThat(done.checksumCRC64NVME()).isNotBlank();
        assertThat(done.checksumType()).isEqualTo(ChecksumType.FULL_OBJECT);
        assertThat(S3.headObject(b -> b.bucket(bucket).key("copy").checksumMode(ChecksumMode.ENABLED))
                .checksumCRC64NVME()).isEqualTo(done.checksumCRC64NVME());
        assertThat(S3.getObjectAsBytes(b -> b.bucket(bucket).key("copy")).asByteArray()).isEqualTo(source);
    }

    @Test
    void theSdksMultipartClientUploadsAndDownloadsLargeObjects() throws Exception {
        String bucket = S3Clients.createBucket("mpu-sdk");
        byte[] data = random(17 * MIB + 123, 4);
        try (S3AsyncClient async = S3AsyncClient.builder().endpointOverride(TestServer.endpoint())
                .region(Region.US_EAST_1).credentialsProvider(TestServer.credentials()).forcePathStyle(true)
                .httpClient(NettyNioAsyncHttpClient.create())
                .multipartEnabled(true)
                .multipartConfiguration(c -> c.thresholdInBytes(8L * MIB).minimumPartSizeInBytes(8L * MIB))
                .build()) {
            async.putObject(b -> b.bucket(bucket).key("large.bin"), AsyncRequestBody.fromBytes(data)).join();
            HeadObjectResponse head = S3.headObject(b -> b.bucket(bucket).key("large.bin").partNumber(1));
            assertThat(head.partsCount()).isEqualTo(3);
            assertThat(head.eTag()).endsWith("-3\"");
            byte[] back = async.getObject(b -> b.bucket(bucket).key("large.bin"), AsyncResponseTransformer.toBytes())
                    .join().asByteArray();
            assertThat(back).isEqualTo(data);
        }
    }

    @Test
    void awsS3CpOfAFileOverTheMultipartThreshold(@TempDir Path dir) throws Exception {
        AwsCli.assumeInstalled();
        AwsCli cli = AwsCli.standard();
        String bucket = S3Clients.createBucket("mpu-cli");
        Path up = dir.resolve("archive.bin");
        byte[] data = random(9 * MIB, 5);
        Files.write(up, data);

        AwsCli.Run put = cli.run("s3", "cp", up.toString(), "s3://" + bucket + "/archive.bin");
        assertThat(put.exit()).as(put.stderr()).isZero();
        assertThat(S3.headObject(b -> b.bucket(bucket).key("archive.bin")).eTag()).endsWith("-2\"");

        Path down = dir.resolve("back.bin");
        AwsCli.Run get = cli.run("s3", "cp", "s3://" + bucket + "/archive.bin", down.toString());
        assertThat(get.exit()).as(get.stderr()).isZero();
        assertThat(Files.readAllBytes(down)).isEqualTo(data);
    }
}
