package io.mailroom.it;

import static io.mailroom.it.S3Clients.S3;
import static io.mailroom.it.S3Clients.contentMd5;
import static io.mailroom.it.S3Clients.crc32;
import static io.mailroom.it.S3Clients.createBucket;
import static io.mailroom.it.S3Clients.s3Error;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

/**
 * What S3 checks of a request's framing and digests before an operation reads it, in raw HTTP where the AWS
 * SDK for Java v2 would not send such a request (signed for {@code s3}; signatures are not checked).
 */
class S3RequestIntegrityIT {
    private static final String AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=test/20260102/us-east-1/s3/aws4_request,"
            + " SignedHeaders=host, Signature=" + "0".repeat(64);
    private static String bucket;

    @BeforeAll
    static void bucket() {
        bucket = createBucket("s3i");
    }

    private static String host() {
        return "127.0.0.1:" + TestServer.get().port();
    }

    /** A request signed for S3 with these headers (in this order) and a Content-Length. */
    private static S3Clients.RawResponse send(String method, String pathAndQuery, byte[] body, String... headers) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Authorization", AUTHORIZATION);
        for (int i = 0; i < headers.length; i += 2) {
            all.put(headers[i], headers[i + 1]);
        }
        return S3Clients.raw(method, host(), pathAndQuery, all, body);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void put(String key, String body) {
        S3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(body));
    }

    private static boolean exists(String key) {
        return S3.listObjectsV2(b -> b.bucket(bucket).prefix(key)).contents().stream().anyMatch(o -> o.key().equals(key));
    }

    @Test
    void deleteObjectsMustStateItsBodysDigestAndMatchIt() {
        put("del/k", "v");
        byte[] delete = utf8("<Delete><Object><Key>del/k</Key></Object></Delete>");
        S3Clients.RawResponse missing = send("POST", "/" + bucket + "?delete", delete);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.text()).contains("<Code>InvalidRequest</Code>",
                "<Message>Missing required header for this request: Content-MD5</Message>");
        S3Clients.RawResponse wrongMd5 = send("POST", "/" + bucket + "?delete", delete,
                "Content-MD5", contentMd5(utf8("something else")));
        assertThat(wrongMd5.status()).isEqualTo(400);
        assertThat(wrongMd5.text()).contains("<Code>BadDigest</Code>",
                "<Message>The Content-MD5 you specified did not match what we received.</Message>");
        S3Clients.RawResponse wrongCrc = send("POST", "/" + bucket + "?delete", delete,
                "x-amz-checksum-crc32", crc32(utf8("something else")));
        assertThat(wrongCrc.status()).isEqualTo(400);
        assertThat(wrongCrc.text()).contains("<Code>BadDigest</Code>",
                "<Message>The CRC32 you specified did not match the calculated checksum.</Message>");
        assertThat(exists("del/k")).isTrue();

        assertThat(send("POST", "/" + bucket + "?delete", delete, "Content-MD5", contentMd5(delete)).status())
                .isEqualTo(200);
        assertThat(exists("del/k")).isFalse();
        put("del/k", "v");
        assertThat(send("POST", "/" + bucket + "?delete", delete, "x-amz-checksum-crc32", crc32(delete)).status())
                .isEqualTo(200);
        assertThat(exists("del/k")).isFalse();

        // The SDK states a CRC32 of its own accord.
        put("del/sdk", "v");
        S3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(ObjectIdentifier.builder().key("del/sdk").build())));
        assertThat(S3Clients.lastSent("POST", "/" + bucket).firstMatchingHeader("x-amz-checksum-crc32")).isPresent();
        assertThat(exists("del/sdk")).isFalse();
    }

    @Test
    void aConfigurationDocumentMustMatchTheDigestItStates() {
        String tagBucket = createBucket("s3i-tags");
        byte[] tagging = utf8("<Tagging><TagSet><Tag><Key>team</Key><Value>mail</Value></Tag></TagSet></Tagging>");
        S3Clients.RawResponse bad = send("PUT", "/" + tagBucket + "?tagging", tagging,
                "Content-MD5", contentMd5(utf8("<Tagging/>")));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text()).contains("<Code>BadDigest</Code>");
        s3Error("NoSuchTagSet", 404, () -> S3.getBucketTagging(b -> b.bucket(tagBucket)));
        assertThat(send("PUT", "/" + tagBucket + "?tagging", tagging, "x-amz-checksum-crc32", crc32(tagging)).status())
                .isLessThan(300);
        assertThat(S3.getBucketTagging(b -> b.bucket(tagBucket)).tagSet()).hasSize(1);
        // Without a digest a configuration is taken as it is.
        assertThat(send("PUT", "/" + tagBucket + "?tagging", tagging).status()).isLessThan(300);
    }

    /** The request line, Host and Authorization, and these header lines; no Content-Length. */
    private static String head(String method, String pathAndQuery, String... headerLines) {
        StringBuilder head = new StringBuilder(method + " " + pathAndQuery + " HTTP/1.1\r\nHost: " + host() + "\r\n"
                + "Authorization: " + AUTHORIZATION + "\r\n");
        for (String line : headerLines) {
            head.append(line).append("\r\n");
        }
        return head.toString();
    }

    /** {@code bytes} in one HTTP chunk, then the last. */
    private static byte[] httpChunked(byte[] bytes) {
        return utf8(Integer.toHexString(bytes.length) + "\r\n" + new String(bytes, StandardCharsets.UTF_8)
                + "\r\n0\r\n\r\n");
    }

    @Test
    void anUploadInHttpChunksIsNotImplementedUnlessItIsAwsChunked() {
        S3Clients.RawResponse put = S3Clients.rawExchange(head("PUT", "/" + bucket + "/chunked/plain",
                "Transfer-Encoding: chunked"), httpChunked(utf8("hello")));
        assertThat(put.status()).isEqualTo(501);
        assertThat(put.text()).contains("<Code>NotImplemented</Code>",
                "<Message>A header you provided implies functionality that is not implemented</Message>",
                "<Header>Transfer-Encoding</Header>");
        assertThat(exists("chunked/plain")).isFalse();

        String uploadId = S3.createMultipartUpload(b -> b.bucket(bucket).key("chunked/parts")).uploadId();
        S3Clients.RawResponse part = S3Clients.rawExchange(head("PUT", "/" + bucket + "/chunked/parts?partNumber=1"
                + "&uploadId=" + uploadId, "Transfer-Encoding: chunked"), httpChunked(utf8("hello")));
        assertThat(part.status()).isEqualTo(501);
        assertThat(part.text()).contains("<Header>Transfer-Encoding</Header>");
        assertThat(S3.listParts(b -> b.bucket(bucket).key("chunked/parts").uploadId(uploadId)).parts()).isEmpty();

        // aws-chunked frames of unknown length travel in HTTP chunks: S3 takes those.
        byte[] framed = utf8("5\r\nhello\r\n0\r\n\r\n");
        S3Clients.RawResponse streamed = S3Clients.rawExchange(head("PUT", "/" + bucket + "/chunked/aws",
                "Transfer-Encoding: chunked", "Content-Encoding: aws-chunked",
                "x-amz-content-sha256: STREAMING-UNSIGNED-PAYLOAD-TRAILER", "x-amz-decoded-content-length: 5"),
                httpChunked(framed));
        assertThat(streamed.status()).isEqualTo(200);
        assertThat(S3.getObjectAsBytes(b -> b.bucket(bucket).key("chunked/aws")).asUtf8String()).isEqualTo("hello");
    }

    @Test
    void anUploadWithoutAContentLengthIsRefused() {
        S3Clients.RawResponse put = S3Clients.rawExchange(head("PUT", "/" + bucket + "/unframed/k"), new byte[0]);
        assertThat(put.status()).isEqualTo(411);
        assertThat(put.text()).contains("<Code>MissingContentLength</Code>",
                "<Message>You must provide the Content-Length HTTP header.</Message>");
        assertThat(exists("unframed/k")).isFalse();

        // A copy has no body to measure.
        put("unframed/source", "v");
        S3Clients.RawResponse copy = S3Clients.rawExchange(head("PUT", "/" + bucket + "/unframed/copy",
                "x-amz-copy-source: /" + bucket + "/unframed/source"), new byte[0]);
        assertThat(copy.status()).isEqualTo(200);
        assertThat(exists("unframed/copy")).isTrue();
    }

    @Test
    void anUploadStatesOneChecksumAtMost() {
        byte[] body = utf8("hello");
        S3Clients.RawResponse put = send("PUT", "/" + bucket + "/checksums/two", body,
                "x-amz-checksum-crc32", crc32(body), "x-amz-checksum-sha1", "qvTGHdzF6KLavt4PO0gs2a6pQ00=");
        assertThat(put.status()).isEqualTo(400);
        assertThat(put.text()).contains("<Code>InvalidRequest</Code>", "<Message>Expecting a single x-amz-checksum-"
                + " header. Multiple checksum Types are not allowed.</Message>");
        assertThat(exists("checksums/two")).isFalse();
        assertThat(send("PUT", "/" + bucket + "/checksums/one", body, "x-amz-checksum-crc32", crc32(body)).status())
                .isEqualTo(200);
    }
}
