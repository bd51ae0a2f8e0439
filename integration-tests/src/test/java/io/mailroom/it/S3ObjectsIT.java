package io.mailroom.it;

import static io.mailroom.it.S3Clients.S3;
import static io.mailroom.it.S3Clients.createBucket;
import static io.mailroom.it.S3Clients.etag;
import static io.mailroom.it.S3Clients.s3Error;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.DeletedObject;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Error;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Objects through the AWS SDK for Java v2: PutObject (headers, metadata, Content-MD5, the SDK's default
 * CRC32 trailing checksum over aws-chunked), GetObject (ranges, conditions), HeadObject, DeleteObject,
 * DeleteObjects and CopyObject, with ETags as S3 computes them.
 */
class S3ObjectsIT {
    private static String bucket;

    @BeforeAll
    static void bucket() {
        bucket = createBucket("s3o");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void put(String key, String body) {
        S3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(body));
    }

    @Test
    void putGetAndHeadWithHeadersAndMetadata() {
        String body = "Hello, S3 \u00e9\u00e8";
        PutObjectResponse put = S3.putObject(b -> b.bucket(bucket).key("docs/hello.txt")
                        .contentType("text/plain; charset=utf-8")
                        .cacheControl("max-age=60")
                        .contentDisposition("attachment; filename=\"hello.txt\"")
                        .contentLanguage("fr")
                        .metadata(Map.of("Owner", "Ada", "purpose", "it test")),
                RequestBody.fromString(body));
        assertThat(put.eTag()).isEqualTo(etag(body));

        ResponseBytes<GetObjectResponse> got = S3.getObjectAsBytes(b -> b.bucket(bucket).key("docs/hello.txt"));
        assertThat(got.asUtf8String()).isEqualTo(body);
        GetObjectResponse r = got.response();
        assertThat(r.eTag()).isEqualTo(etag(body));
        assertThat(r.contentType()).isEqualTo("text/plain; charset=utf-8");
        assertThat(r.contentLength()).isEqualTo(utf8(body).length);
        assertThat(r.cacheControl()).isEqualTo("max-age=60");
        assertThat(r.contentDisposition()).isEqualTo("attachment; filename=\"hello.txt\"");
        assertThat(r.contentLanguage()).isEqualTo("fr");
        assertThat(r.acceptRanges()).isEqualTo("bytes");
        // S3 keeps user metadata names in lower case.
        assertThat(r.metadata()).isEqualTo(Map.of("owner", "Ada", "purpose", "it test"));
        assertThat(r.lastModified()).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(60));

        HeadObjectResponse head = S3.headObject(b -> b.bucket(bucket).key("docs/hello.txt"));
        assertThat(head.eTag()).isEqualTo(etag(body));
        assertThat(head.contentLength()).isEqualTo(utf8(body).length);
        assertThat(head.contentType()).isEqualTo("text/plain; charset=utf-8");
        assertThat(head.metadata()).containsEntry("owner", "Ada");
        assertThat(head.lastModified()).isEqualTo(r.lastModified());

        // GET's response-* parameters override the answer's headers, not the object.
        GetObjectResponse overridden = S3.getObject(b -> b.bucket(bucket).key("docs/hello.txt")
                .responseContentType("application/octet-stream").responseCacheControl("no-store"),
                software.amazon.awssdk.core.sync.ResponseTransformer.toBytes()).response();
        assertThat(overridden.contentType()).isEqualTo("application/octet-stream");
        assertThat(overridden.cacheControl()).isEqualTo("no-store");
        assertThat(S3.headObject(b -> b.bucket(bucket).key("docs/hello.txt")).cacheControl()).isEqualTo("max-age=60");

        // The SDK labels a byte array application/octet-stream (a request without Content-Type: S3BucketsIT).
        S3.putObject(b -> b.bucket(bucket).key("docs/untyped"), RequestBody.fromBytes(new byte[] {0}));
        assertThat(S3.headObject(b -> b.bucket(bucket).key("docs/untyped")).contentType()).isEqualTo("application/octet-stream");
    }

    @Test
    void repeatedMetadataHeadersAreOneCommaDelimitedValue() {
        // The SDK sends a map, one header per name: raw HTTP repeats one, in two cases.
        String head = "PUT /" + bucket + "/meta/repeated HTTP/1.1\r\nHost: 127.0.0.1:" + TestServer.get().port() + "\r\n"
                + "Content-Length: 1\r\nx-amz-meta-to: a@example.com\r\nX-Amz-Meta-To: b@example.com\r\n"
                + "x-amz-meta-to: c@example.com\r\n";
        assertThat(S3Clients.rawExchange(head, utf8("x")).status()).isEqualTo(200);
        assertThat(S3.headObject(b -> b.bucket(bucket).key("meta/repeated")).metadata())
                .isEqualTo(Map.of("to", "a@example.com,b@example.com,c@example.com"));
    }

    @Test
    void expiresIsAnHttpDateStoredOrOverridden() {
        Instant expires = Instant.parse("2030-01-01T00:00:00Z");
        S3.putObject(b -> b.bucket(bucket).key("docs/expiring").expires(expires), RequestBody.fromString("x"));
        HeadObjectResponse head = S3.headObject(b -> b.bucket(bucket).key("docs/expiring"));
        assertThat(head.sdkHttpResponse().firstMatchingHeader("Expires")).hasValue("Tue, 01 Jan 2030 00:00:00 GMT");
        assertThat(head.expires()).isEqualTo(expires);
        // The SDK sends response-expires as an HTTP-date too.
        Instant later = Instant.parse("2031-01-01T00:00:00Z");
        GetObjectResponse overridden = S3.getObjectAsBytes(b -> b.bucket(bucket).key("docs/expiring")
                .responseExpires(later)).response();
        assertThat(overridden.sdkHttpResponse().firstMatchingHeader("Expires")).hasValue("Wed, 01 Jan 2031 00:00:00 GMT");
    }

    @Test
    void objectLockRequestsAreRefusedAsOnABucketWithoutObjectLock() {
        S3Exception e = s3Error("InvalidRequest", 400, () -> S3.putObject(b -> b.bucket(bucket).key("lock/one")
                .objectLockMode("GOVERNANCE").objectLockRetainUntilDate(Instant.now().plusSeconds(3600)),
                RequestBody.fromString("x")));
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Bucket is missing ObjectLockConfiguration");
        s3Error(NoSuchKeyException.class, "NoSuchKey", 404, () -> S3.getObjectAsBytes(b -> b.bucket(bucket).key("lock/one")));
    }

    @Test
    void binaryBodyRoundTripsByteForByte() {
        byte[] data = new byte[1024 * 1024];
        new Random(42).nextBytes(data);
        PutObjectResponse put = S3.putObject(b -> b.bucket(bucket).key("bin/random.bin"), RequestBody.fromBytes(data));
        assertThat(put.eTag()).isEqualTo(etag(data));
        ResponseBytes<GetObjectResponse> got = S3.getObjectAsBytes(b -> b.bucket(bucket).key("bin/random.bin"));
        assertThat(got.asByteArray()).isEqualTo(data);
        assertThat(got.response().contentLength()).isEqualTo(data.length);
        assertThat(got.response().eTag()).isEqualTo(etag(data));

        // An empty object has the MD5 of nothing.
        S3.putObject(b -> b.bucket(bucket).key("bin/empty"), RequestBody.empty());
        assertThat(S3.headObject(b -> b.bucket(bucket).key("bin/empty")).eTag()).isEqualTo("\"d41d8cd98f00b204e9800998ecf8427e\"");
        assertThat(S3.getObjectAsBytes(b -> b.bucket(bucket).key("bin/empty")).asByteArray()).isEmpty();
    }

    @Test
    void sdkDefaultCrc32TrailingChecksumOverAwsChunked() {
        byte[] data = utf8("checksummed by the SDK ".repeat(100));
        PutObjectResponse put = S3.putObject(b -> b.bucket(bucket).key("sum/crc32.txt"), RequestBody.fromBytes(data));
        // The SDK sent the body aws-chunked, with the CRC32 in a trailer.
        SdkHttpRequest sent = S3Clients.lastSent("PUT", "/sum/crc32.txt");
        assertThat(sent.firstMatchingHeader("x-amz-trailer")).hasValue("x-amz-checksum-crc32");
        assertThat(sent.firstMatchingHeader("x-amz-content-sha256").orElse("")).startsWith("STREAMING-");
        assertThat(sent.firstMatchingHeader("x-amz-decoded-content-length")).hasValue(Integer.toString(data.length));

        assertThat(put.eTag()).isEqualTo(etag(data));
        assertThat(put.checksumCRC32()).isEqualTo(S3Clients.crc32(data));
        assertThat(S3.getObjectAsBytes(b -> b.bucket(bucket).key("sum/crc32.txt")).asByteArray()).isEqualTo(data);

        HeadObjectResponse head = S3.headObject(b -> b.bucket(bucket).key("sum/crc32.txt").checksumMode(ChecksumMode.ENABLED));
        assertThat(head.checksumCRC32()).isEqualTo(S3Clients.crc32(data));
        GetObjectResponse get = S3.getObject(b -> b.bucket(bucket).key("sum/crc32.txt").checksumMode(ChecksumMode.ENABLED),
                software.amazon.awssdk.core.sync.ResponseTransformer.toBytes()).response();
        assertThat(get.checksumCRC32()).isEqualTo(S3Clients.crc32(data));
        // The CRT-based client (S3TransferManager's) sends the mode in lower case; S3 takes any case.
        HeadObjectResponse lower = S3.headObject(b -> b.bucket(bucket).key("sum/crc32.txt")
                .overrideConfiguration(o -> o.putHeader("x-amz-checksum-mode", "enabled")));
        assertThat(lower.checksumCRC32()).isEqualTo(S3Clients.crc32(data));

        // Another algorithm on request, computed by the SDK and verified by the server.
        PutObjectResponse sha = S3.putObject(b -> b.bucket(bucket).key("sum/sha256.txt").checksumAlgorithm(ChecksumAlgorithm.SHA256),
                RequestBody.fromBytes(data));
        assertThat(sha.checksumSHA256()).isEqualTo(java.util.Base64.getEncoder().encodeToString(sha256(data)));
    }

    @Test
    void trailingChecksumIsVerifiedAndStored() {
        String host = "127.0.0.1:" + TestServer.get().port();
        Map<String, String> headers = Map.of("Content-Encoding", "aws-chunked",
                "x-amz-content-sha256", "STREAMING-UNSIGNED-PAYLOAD-TRAILER",
                "x-amz-trailer", "x-amz-checksum-crc32", "x-amz-decoded-content-length", "5");
        byte[] wrong = "5\r\nhello\r\n0\r\nx-amz-checksum-crc32:AAAAAA==\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        S3Clients.RawResponse refused = S3Clients.raw("PUT", host, "/" + bucket + "/trailer/wrong", headers, wrong);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text()).contains("<Code>BadDigest</Code>");

        String crc = S3Clients.crc32(utf8("hello"));
        byte[] right = ("5\r\nhello\r\n0\r\nx-amz-checksum-crc32:" + crc + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        assertThat(S3Clients.raw("PUT", host, "/" + bucket + "/trailer/right", headers, right).status()).isEqualTo(200);
        assertThat(S3.headObject(b -> b.bucket(bucket).key("trailer/right").checksumMode(ChecksumMode.ENABLED)).checksumCRC32())
                .isEqualTo(crc);
    }

    private static byte[] sha256(byte[] data) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void contentMd5IsVerified() {
        byte[] data = utf8("digest me");
        PutObjectResponse ok = S3.putObject(b -> b.bucket(bucket).key("md5/good").contentMD5(S3Clients.contentMd5(data)),
                RequestBody.fromBytes(data));
        assertThat(ok.eTag()).isEqualTo(etag(data));

        s3Error("BadDigest", 400, () -> S3.putObject(b -> b.bucket(bucket).key("md5/bad")
                .contentMD5(S3Clients.contentMd5(utf8("something else"))), RequestBody.fromBytes(data)));
        s3Error("InvalidDigest", 400, () -> S3.putObject(b -> b.bucket(bucket).key("md5/invalid")
                .contentMD5("bm90IGFuIG1kNQ=="), RequestBody.fromBytes(data)));
        s3Error(NoSuchKeyException.class, "NoSuchKey", 404, () -> S3.getObjectAsBytes(b -> b.bucket(bucket).key("md5/bad")));
    }

    @Test
    void rangedGets() {
        String body = "0123456789abcdefghij";
        put("range/text", body);

        ResponseBytes<GetObjectResponse> first = S3.getObjectAsBytes(b -> b.bucket(bucket).key("range/text").range("bytes=0-9"));
        assertThat(first.asUtf8String()).isEqualTo("0123456789");
        assertThat(first.response().sdkHttpResponse().statusCode()).isEqualTo(206);
        assertThat(first.response().contentRange()).isEqualTo("bytes 0-9/20");
        assertThat(first.response().contentLength()).isEqualTo(10L);
        assertThat(first.response().eTag()).isEqualTo(etag(body));

        ResponseBytes<GetObjectResponse> open = S3.getObjectAsBytes(b -> b.bucket(bucket).key("range/text").range("bytes=15-"));
        assertThat(open.asUtf8String()).isEqualTo("fghij");
        assertThat(open.response().contentRange()).isEqualTo("bytes 15-19/20");

        ResponseBytes<GetObjectResponse> suffix = S3.getObjectAsBytes(b -> b.bucket(bucket).key("range/text").range("bytes=-3"));
        assertThat(suffix.asUtf8String()).isEqualTo("hij");
        assertThat(suffix.response().contentRange()).isEqualTo("bytes 17-19/20");

        ResponseBytes<GetObjectResponse> past = S3.getObjectAsBytes(b -> b.bucket(bucket).key("range/text").range("bytes=18-100"));
        assertThat(past.asUtf8String()).isEqualTo("ij");
        assertThat(past.response().contentRange()).isEqualTo("bytes 18-19/20");

        HeadObjectResponse headRange = S3.headObject(b -> b.bucket(bucket).key("range/text").range("bytes=2-4"));
        assertThat(headRange.contentLength()).isEqualTo(3L);
        assertThat(headRange.contentRange()).isEqualTo("bytes 2-4/20");

        s3Error("InvalidRange", 416, () -> S3.getObjectAsBytes(b -> b.bucket(bucket).key("range/text").range("bytes=20-")));
        S3Exception unsatisfiable = s3Error("InvalidRange", 416,
                () -> S3.getObjectAsBytes(b -> b.bucket(bucket).key("range/text").range("bytes=50-60")));
        assertThat(unsatisfiable.awsErrorDetails().rawResponse().asUtf8String())
                .contains("<RangeRequested>bytes=50-60</RangeRequested><ActualObjectSize>20</ActualObjectSize>");

        // A range over every byte carries the object's checksum, as a plain GET does.
        S3.putObject(b -> b.bucket(bucket).key("range/summed").checksumAlgorithm(ChecksumAlgorithm.SHA256),
                RequestBody.fromString(body));
        GetObjectResponse whole = S3.getObjectAsBytes(b -> b.bucket(bucket).key("range/summed").range("bytes=0-100")
                .checksumMode(ChecksumMode.ENABLED)).response();
        assertThat(whole.checksumSHA256()).isNotNull();
        assertThat(S3.getObjectAsBytes(b -> b.bucket(bucket).key("range/summed").range("bytes=0-1")
                .checksumMode(ChecksumMode.ENABLED)).response().checksumSHA256()).isNull();

        // partNumber=1 of a single-part object is the whole object, as a range, with no parts count.
        ResponseBytes<GetObjectResponse> part = S3.getObjectAsBytes(b -> b.bucket(bucket).key("range/text").partNumber(1));
        assertThat(part.asUtf8String()).isEqualTo(body);
        assertThat(part.response().contentRange()).isEqualTo("bytes 0-19/20");
        assertThat(part.response().partsCount()).isNull();
    }

    @Test
    void conditionalGets() {
        String body = "conditional";
        put("cond/one", body);
        String tag = etag(body);
        HeadObjectResponse head = S3.headObject(b -> b.bucket(bucket).key("cond/one"));

        assertThat(S3.getObjectAsBytes(b -> b.bucket(bucket).key("cond/one").ifMatch(tag)).asUtf8String()).isEqualTo(body);
        assertThat(S3.getObjectAsBytes(b -> b.bucket(bucket).key("cond/one").ifNoneMatch("\"0123\"")).asUtf8String()).isEqualTo(body);

        S3Exception notModified = s3Error(S3Exception.class, null, 304,
                () -> S3.getObjectAsBytes(b -> b.bucket(bucket).key("cond/one").ifNoneMatch(tag)));
        assertThat(notModified.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("ETag")).hasValue(tag);
        assertThat(notModified.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("Content-Type")).isEmpty();
        assertThat(notModified.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("Last-Modified")).isPresent();
        s3Error(S3Exception.class, null, 304, () -> S3.headObject(b -> b.bucket(bucket).key("cond/one").ifNoneMatch(tag)));
        s3Error(S3Exception.class, null, 304, () -> S3.getObjectAsBytes(b -> b.bucket(bucket).key("cond/one")
                .ifModifiedSince(head.lastModified())));
        // A date later than the server's time is ignored, as S3 does.
        assertThat(S3.getObjectAsBytes(b -> b.bucket(bucket).key("cond/one")
                .ifModifiedSince(head.lastModified().plusSeconds(3600))).asUtf8String()).isEqualTo(body);

        s3Error("PreconditionFailed", 412, () -> S3.getObjectAsBytes(b -> b.bucket(bucket).key("cond/one").ifMatch("\"0123\"")));
        s3Error("PreconditionFailed", 412, () -> S3.getObjectAsBytes(b -> b.bucket(bucket).key("cond/one")
                .ifUnmodifiedSince(head.lastModified().minusSeconds(3600))));
        s3Error(S3Exception.class, null, 412, () -> S3.headObject(b -> b.bucket(bucket).key("cond/one").ifMatch("\"0123\"")));
    }

    @Test
    void conditionalWrites() {
        put("cond/write", "v1");
        // If-None-Match: * refuses to overwrite; If-Match needs the current ETag.
        s3Error("PreconditionFailed", 412, () -> S3.putObject(b -> b.bucket(bucket).key("cond/write").ifNoneMatch("*"),
                RequestBody.fromString("v2")));
        s3Error("PreconditionFailed", 412, () -> S3.putObject(b -> b.bucket(bucket).key("cond/write").ifMatch(etag("nope")),
                RequestBody.fromString("v2")));
        S3.putObject(b -> b.bucket(bucket).key("cond/write").ifMatch(etag("v1")), RequestBody.fromString("v2"));
        assertThat(S3.getObjectAsBytes(b -> b.bucket(bucket).key("cond/write")).asUtf8String()).isEqualTo("v2");
        S3.putObject(b -> b.bucket(bucket).key("cond/new").ifNoneMatch("*"), RequestBody.fromString("created"));
    }

    @Test
    void missingObjectsAndBuckets() {
        NoSuchKeyException missing = s3Error(NoSuchKeyException.class, "NoSuchKey", 404,
                () -> S3.getObjectAsBytes(b -> b.bucket(bucket).key("nope/none")));
        assertThat(missing.awsErrorDetails().rawResponse().asUtf8String()).contains("<Key>nope/none</Key>");
        NoSuchKeyException head = s3Error(NoSuchKeyException.class, null, 404, () -> S3.headObject(b -> b.bucket(bucket).key("nope/none")));
        assertThat(head.statusCode()).isEqualTo(404);
        s3Error(NoSuchBucketException.class, "NoSuchBucket", 404, () -> S3.getObjectAsBytes(b -> b.bucket("s3o-no-such-bucket").key("k")));
        s3Error(NoSuchBucketException.class, "NoSuchBucket", 404, () -> S3.putObject(b -> b.bucket("s3o-no-such-bucket").key("k"),
                RequestBody.fromString("x")));
        s3Error("InvalidArgument", 400, () -> S3.getObjectAsBytes(b -> b.bucket(bucket).key("nope/none").versionId("3HL4kqtJlcpXroDTDmjVBH40Nrjfkd")));
    }

    @Test
    void deleteObject() {
        put("del/one", "bye");
        var deleted = S3.deleteObject(b -> b.bucket(bucket).key("del/one"));
        assertThat(deleted.sdkHttpResponse().statusCode()).isEqualTo(204);
        s3Error(NoSuchKeyException.class, "NoSuchKey", 404, () -> S3.getObjectAsBytes(b -> b.bucket(bucket).key("del/one")));
        // Deleting what is not there succeeds too.
        assertThat(S3.deleteObject(b -> b.bucket(bucket).key("del/one")).sdkHttpResponse().statusCode()).isEqualTo(204);
        s3Error(NoSuchBucketException.class, "NoSuchBucket", 404, () -> S3.deleteObject(b -> b.bucket("s3o-no-such-bucket").key("k")));
        // No bucket here has Object Lock, so S3 refuses the governance bypass whatever its value.
        put("del/kept", "kept");
        s3Error("InvalidArgument", 400, () -> S3.deleteObject(b -> b.bucket(bucket).key("del/kept")
                .bypassGovernanceRetention(false)));
        assertThat(S3.getObjectAsBytes(b -> b.bucket(bucket).key("del/kept")).asUtf8String()).isEqualTo("kept");
    }

    @Test
    void deleteObjectsVerboseAndQuiet() {
        for (String k : List.of("batch/a", "batch/b", "batch/c", "batch/d")) {
            put(k, k);
        }
        DeleteObjectsResponse verbose = S3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(
                ObjectIdentifier.builder().key("batch/a").build(),
                ObjectIdentifier.builder().key("batch/b").build(),
                ObjectIdentifier.builder().key("batch/never-existed").build(),
                ObjectIdentifier.builder().key("batch/c").versionId("not-a-version").build())));
        assertThat(verbose.deleted()).extracting(DeletedObject::key)
                .containsExactlyInAnyOrder("batch/a", "batch/b", "batch/never-existed");
        assertThat(verbose.errors()).extracting(S3Error::key).containsExactly("batch/c");
        assertThat(verbose.errors().get(0).code()).isEqualTo("NoSuchVersion");
        assertThat(verbose.errors().get(0).message()).isEqualTo("The specified version does not exist.");
        assertThat(S3.listObjectsV2(b -> b.bucket(bucket).prefix("batch/")).contents())
                .extracting(software.amazon.awssdk.services.s3.model.S3Object::key).containsExactly("batch/c", "batch/d");

        DeleteObjectsResponse quiet = S3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.quiet(true).objects(
                ObjectIdentifier.builder().key("batch/c").build(), ObjectIdentifier.builder().key("batch/d").build())));
        assertThat(quiet.deleted()).isEmpty();
        assertThat(quiet.errors()).isEmpty();
        assertThat(S3.listObjectsV2(b -> b.bucket(bucket).prefix("batch/")).keyCount()).isZero();

        s3Error("MalformedXML", 400, () -> S3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(List.of()))));
        s3Error(NoSuchBucketException.class, "NoSuchBucket", 404, () -> S3.deleteObjects(b -> b.bucket("s3o-no-such-bucket")
                .delete(d -> d.objects(ObjectIdentifier.builder().key("k").build()))));
    }

    @Test
    void copyObjectWithCopyAndReplaceDirectives() {
        String source = "copy/src a+b.txt";
        String body = "copy me";
        S3.putObject(b -> b.bucket(bucket).key(source).contentType("text/plain").metadata(Map.of("origin", "source")),
                RequestBody.fromString(body));
        String other = createBucket("s3o-copy-target");

        CopyObjectResponse copied = S3.copyObject(b -> b.sourceBucket(bucket).sourceKey(source)
                .destinationBucket(other).destinationKey("copied/same meta.txt")
                .metadata(Map.of("ignored", "with COPY")));
        assertThat(copied.copyObjectResult().eTag()).isEqualTo(etag(body));
        assertThat(copied.copyObjectResult().lastModified()).isNotNull();
        HeadObjectResponse same = S3.headObject(b -> b.bucket(other).key("copied/same meta.txt"));
        assertThat(same.metadata()).isEqualTo(Map.of("origin", "source"));
        assertThat(same.contentType()).isEqualTo("text/plain");
        assertThat(same.eTag()).isEqualTo(etag(body));
        assertThat(S3.getObjectAsBytes(b -> b.bucket(other).key("copied/same meta.txt")).asUtf8String()).isEqualTo(body);

        CopyObjectResponse replaced = S3.copyObject(b -> b.sourceBucket(bucket).sourceKey(source)
                .destinationBucket(bucket).destinationKey("copy/replaced.json")
                .metadataDirective(MetadataDirective.REPLACE).contentType("application/json")
                .metadata(Map.of("origin", "replaced")));
        assertThat(replaced.copyObjectResult().eTag()).isEqualTo(etag(body));
        HeadObjectResponse replacedHead = S3.headObject(b -> b.bucket(bucket).key("copy/replaced.json"));
        assertThat(replacedHead.metadata()).isEqualTo(Map.of("origin", "replaced"));
        assertThat(replacedHead.contentType()).isEqualTo("application/json");

        // Onto itself only when something changes.
        s3Error("InvalidRequest", 400, () -> S3.copyObject(b -> b.sourceBucket(bucket).sourceKey(source)
                .destinationBucket(bucket).destinationKey(source)));
        S3.copyObject(b -> b.sourceBucket(bucket).sourceKey(source).destinationBucket(bucket).destinationKey(source)
                .metadataDirective(MetadataDirective.REPLACE).metadata(Map.of("origin", "rewritten")));
        assertThat(S3.headObject(b -> b.bucket(bucket).key(source)).metadata()).isEqualTo(Map.of("origin", "rewritten"));

        // Source conditions are 412 when they do not hold.
        s3Error("PreconditionFailed", 412, () -> S3.copyObject(b -> b.sourceBucket(bucket).sourceKey(source)
                .destinationBucket(bucket).destinationKey("copy/never").copySourceIfMatch(etag("other"))));
        s3Error("PreconditionFailed", 412, () -> S3.copyObject(b -> b.sourceBucket(bucket).sourceKey(source)
                .destinationBucket(bucket).destinationKey("copy/never").copySourceIfNoneMatch(etag(body))));

        s3Error(NoSuchKeyException.class, "NoSuchKey", 404, () -> S3.copyObject(b -> b.sourceBucket(bucket).sourceKey("copy/missing")
                .destinationBucket(bucket).destinationKey("copy/never")));
        s3Error(NoSuchBucketException.class, "NoSuchBucket", 404, () -> S3.copyObject(b -> b.sourceBucket("s3o-no-such-bucket")
                .sourceKey("k").destinationBucket(bucket).destinationKey("copy/never")));
    }
}
