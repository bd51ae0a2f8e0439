package io.mailroom.s3;

import static io.mailroom.s3.S3Harness.body;
import static io.mailroom.s3.S3Harness.bytes;
import static io.mailroom.s3.S3Harness.json;
import static io.mailroom.s3.S3Harness.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.error.AwsException;
import java.util.Map;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ObjectTest {
    /** MD5("hello"), as any md5sum prints it. */
    static final String HELLO_ETAG = "\"5d41402abc4b2a76b9719d911017c592\"";
    private final S3Harness h = new S3Harness();

    @BeforeEach
    void bucket() {
        h.createBucket("mail");
    }

    private ObjectNode putInput(String key, String body) {
        return obj().put("Bucket", "mail").put("Key", key).put("Body", bytes(body));
    }

    @Test
    void putAndGetWithTheEtagS3Computes() {
        assertThat(h.put("mail", "greeting.txt", "hello").get("ETag").asText()).isEqualTo(HELLO_ETAG);
        ObjectNode got = h.get("mail", "greeting.txt");
        assertThat(body(got)).isEqualTo("hello");
        assertThat(got.get("ETag").asText()).isEqualTo(HELLO_ETAG);
        assertThat(got.get("ContentLength").asLong()).isEqualTo(5);
        assertThat(got.get("AcceptRanges").asText()).isEqualTo("bytes");
        // Last-Modified has whole seconds, as S3 sends it.
        assertThat(got.get("LastModified").doubleValue()).isEqualTo(1714557600.0);
        assertThat(got.get("ContentType").asText()).isEqualTo("binary/octet-stream");
        assertThat(got.has("Metadata")).isFalse();
        assertThat(got.has("__status")).isFalse();
        assertThat(h.put("mail", "empty", "").get("ETag").asText()).isEqualTo("\"d41d8cd98f00b204e9800998ecf8427e\"");
    }

    @Test
    void headersAndUserMetadataAreStoredAndReturned() {
        ObjectNode in = putInput("m.eml", "hi").put("ContentType", "message/rfc822").put("CacheControl", "no-cache")
                .put("ContentDisposition", "attachment").put("ContentEncoding", "gzip,aws-chunked")
                .put("ContentLanguage", "en").put("Expires", 1714560000.0).put("StorageClass", "STANDARD_IA");
        in.putObject("Metadata").put("From", "a@example.com").put("x-id", "42");
        h.call("PutObject", in);
        ObjectNode head = h.call("HeadObject", obj().put("Bucket", "mail").put("Key", "m.eml"));
        assertThat(head.has("Body")).isFalse();
        assertThat(head.get("ContentLength").asLong()).isEqualTo(2);
        assertThat(head.get("ContentType").asText()).isEqualTo("message/rfc822");
        assertThat(head.get("CacheControl").asText()).isEqualTo("no-cache");
        assertThat(head.get("ContentDisposition").asText()).isEqualTo("attachment");
        assertThat(head.get("ContentEncoding").asText()).isEqualTo("gzip");
        assertThat(head.get("ContentLanguage").asText()).isEqualTo("en");
        // The model types the Expires header as a string: S3 sends it as an HTTP-date.
        assertThat(head.get("Expires").asText()).isEqualTo("Wed, 01 May 2024 10:40:00 GMT");
        assertThat(head.get("StorageClass").asText()).isEqualTo("STANDARD_IA");
        assertThat(head.get("Metadata")).isEqualTo(json("{'from':'a@example.com','x-id':'42'}"));

        ObjectNode overridden = h.call("GetObject", obj().put("Bucket", "mail").put("Key", "m.eml")
                .put("ResponseContentType", "text/plain").put("ResponseCacheControl", "max-age=1"));
        assertThat(overridden.get("ContentType").asText()).isEqualTo("text/plain");
        assertThat(overridden.get("CacheControl").asText()).isEqualTo("max-age=1");
        // Only the answer changes.
        assertThat(h.get("mail", "m.eml").get("ContentType").asText()).isEqualTo("message/rfc822");
        // An override must be a header value the answer can carry.
        for (String bad : new String[] {"text/plain\u0000", "a\nb", "\u007f", "caf\u0113"}) {
            h.assertError(S3Errors.INVALID_ARGUMENT, "GetObject", obj().put("Bucket", "mail").put("Key", "m.eml")
                    .put("ResponseContentType", bad));
        }
        h.call("GetObject", obj().put("Bucket", "mail").put("Key", "m.eml").put("ResponseContentDisposition",
                "attachment;\tfilename=\"caf\u00e9.eml\""));
    }

    @Test
    void aPutReplacesTheWholeObject() {
        ObjectNode first = putInput("k", "one").put("ContentType", "text/plain");
        first.putObject("Metadata").put("a", "1");
        h.call("PutObject", first);
        h.put("mail", "k", "two");
        ObjectNode got = h.get("mail", "k");
        assertThat(body(got)).isEqualTo("two");
        assertThat(got.has("Metadata")).isFalse();
        assertThat(got.get("ContentType").asText()).isEqualTo("binary/octet-stream");
    }

    @Test
    void missingKeysAndBadVersions() {
        h.assertError(S3Errors.NO_SUCH_KEY, "GetObject", obj().put("Bucket", "mail").put("Key", "nope"));
        h.assertError(S3Errors.NO_SUCH_KEY, "HeadObject", obj().put("Bucket", "mail").put("Key", "nope"));
        h.put("mail", "k", "v");
        h.assertError(S3Errors.INVALID_ARGUMENT, "GetObject",
                obj().put("Bucket", "mail").put("Key", "k").put("VersionId", "3HL4kqtJlcpXroDTDmJ"));
        assertThat(body(h.call("GetObject", obj().put("Bucket", "mail").put("Key", "k").put("VersionId", "null"))))
                .isEqualTo("v");
    }

    @Test
    void keyLengthIsCountedInUtf8Bytes() {
        h.put("mail", "k".repeat(1024), "ok");
        h.assertError(S3Errors.KEY_TOO_LONG, "PutObject", putInput("k".repeat(1025), "x"));
        // 342 three-byte characters are 1026 bytes although only 342 UTF-16 units.
        h.assertError(S3Errors.KEY_TOO_LONG, "PutObject", putInput("€".repeat(342), "x"));
        h.put("mail", "€".repeat(341), "ok");
    }

    @Test
    void userMetadataIsLimitedTo2KB() {
        ObjectNode in = putInput("k", "x");
        in.putObject("Metadata").put("big", "v".repeat(2046));
        h.assertError(S3Errors.METADATA_TOO_LARGE, "PutObject", in);
        ObjectNode fits = putInput("k", "x");
        fits.putObject("Metadata").put("big", "v".repeat(2045));
        h.call("PutObject", fits);
    }

    @Test
    void contentMd5IsVerified() {
        String md5 = Base64.getEncoder().encodeToString(java.util.HexFormat.of().parseHex("5d41402abc4b2a76b9719d911017c592"));
        h.call("PutObject", putInput("k", "hello").put("ContentMD5", md5));
        h.assertError(S3Errors.BAD_DIGEST, "PutObject", putInput("k", "hellO").put("ContentMD5", md5));
        h.assertError(S3Errors.INVALID_DIGEST, "PutObject", putInput("k", "hello").put("ContentMD5", "not-md5"));
        h.assertError(S3Errors.ENTITY_TOO_LARGE, "PutObject", putInput("k", "x").put("ContentLength", 6L << 30));
    }

    @Test
    void additionalChecksumsAreVerifiedStoredAndReturnedWhenAsked() {
        // Well-known check values of "hello" / "123456789".
        ObjectNode put = h.call("PutObject", putInput("k", "hello").put("ChecksumCRC32", "NhCmhg=="));
        assertThat(put.get("ChecksumCRC32").asText()).isEqualTo("NhCmhg==");
        assertThat(put.get("ChecksumType").asText()).isEqualTo("FULL_OBJECT");
        h.assertError(S3Errors.BAD_DIGEST, "PutObject", putInput("k", "hellO").put("ChecksumCRC32", "NhCmhg=="));
        // One checksum per request, even when each would match, or one is of an algorithm not computed here.
        AwsException two = h.error("PutObject", putInput("two", "hello").put("ChecksumCRC32", "NhCmhg==")
                .put("ChecksumSHA256", "LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ="));
        assertThat(two.error()).isEqualTo(S3Errors.INVALID_REQUEST);
        assertThat(two.getMessage()).isEqualTo("Expecting a single x-amz-checksum- header. Multiple checksum Types are"
                + " not allowed.");
        h.assertError(S3Errors.INVALID_REQUEST, "PutObject", putInput("two", "hello").put("ChecksumCRC32", "NhCmhg==")
                .put("ChecksumSHA512", "x"));
        h.assertError(S3Errors.NO_SUCH_KEY, "GetObject", obj().put("Bucket", "mail").put("Key", "two"));
        ObjectNode nvme = h.call("PutObject", putInput("n", "123456789").put("ChecksumAlgorithm", "CRC64NVME"));
        assertThat(Base64.getDecoder().decode(nvme.get("ChecksumCRC64NVME").asText()))
                .isEqualTo(java.util.HexFormat.of().parseHex("ae8b14860a799888"));
        ObjectNode sha = h.call("PutObject", putInput("s", "hello").put("ChecksumAlgorithm", "sha256"));
        assertThat(sha.get("ChecksumSHA256").asText()).isEqualTo("LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=");

        ObjectNode plain = h.get("mail", "k");
        assertThat(plain.has("ChecksumCRC32")).isFalse();
        ObjectNode asked = h.call("GetObject", obj().put("Bucket", "mail").put("Key", "k").put("ChecksumMode", "ENABLED"));
        assertThat(asked.get("ChecksumCRC32").asText()).isEqualTo("NhCmhg==");
        ObjectNode ranged = h.call("GetObject", obj().put("Bucket", "mail").put("Key", "k").put("ChecksumMode", "ENABLED")
                .put("Range", "bytes=0-1"));
        assertThat(ranged.has("ChecksumCRC32")).isFalse();
    }

    @Test
    void conditionalWrites() {
        ObjectNode ifAbsent = putInput("k", "first").put("IfNoneMatch", "*");
        h.call("PutObject", ifAbsent);
        h.assertError(S3Errors.PRECONDITION_FAILED, "PutObject", putInput("k", "second").put("IfNoneMatch", "*"));
        h.assertError(S3Errors.NOT_IMPLEMENTED, "PutObject", putInput("k", "second").put("IfNoneMatch", HELLO_ETAG));
        h.assertError(S3Errors.PRECONDITION_FAILED, "PutObject", putInput("k", "second").put("IfMatch", HELLO_ETAG));
        h.assertError(S3Errors.NO_SUCH_KEY, "PutObject", putInput("other", "x").put("IfMatch", HELLO_ETAG));
        String etag = h.get("mail", "k").get("ETag").asText();
        h.call("PutObject", putInput("k", "second").put("IfMatch", etag));
        assertThat(body(h.get("mail", "k"))).isEqualTo("second");
    }

    @Test
    void deleteObjectIsIdempotentAndHonoursIfMatch() {
        h.put("mail", "k", "hello");
        h.assertError(S3Errors.PRECONDITION_FAILED, "DeleteObject",
                obj().put("Bucket", "mail").put("Key", "k").put("IfMatch", "\"0000\""));
        h.call("DeleteObject", obj().put("Bucket", "mail").put("Key", "k").put("IfMatch", HELLO_ETAG));
        h.assertError(S3Errors.NO_SUCH_KEY, "GetObject", obj().put("Bucket", "mail").put("Key", "k"));
        assertThat(h.call("DeleteObject", obj().put("Bucket", "mail").put("Key", "k"))).isEmpty();
        // With If-Match, a key that holds nothing is 404, whatever the ETag, as S3 answers.
        h.assertError(S3Errors.NO_SUCH_KEY, "DeleteObject",
                obj().put("Bucket", "mail").put("Key", "k").put("IfMatch", HELLO_ETAG));
        h.assertError(S3Errors.NO_SUCH_KEY, "DeleteObject", obj().put("Bucket", "mail").put("Key", "k").put("IfMatch", "*"));
    }

    @Test
    void deleteObjectsDeletesAnEntryWithAnEtagOnlyIfTheObjectStillHasIt() {
        h.put("mail", "same", "hello");
        h.put("mail", "changed", "hello again");
        h.put("mail", "any", "x");
        h.put("mail", "plain", "y");
        ObjectNode out = h.call("DeleteObjects", json("{'Bucket':'mail','Delete':{'Objects':["
                + "{'Key':'same','ETag':'5d41402abc4b2a76b9719d911017c592'},"
                + "{'Key':'changed','ETag':'\\\"5d41402abc4b2a76b9719d911017c592\\\"'},"
                + "{'Key':'any','ETag':'*'},{'Key':'gone','ETag':'5d41402abc4b2a76b9719d911017c592'},"
                + "{'Key':'plain'}]}}"));
        assertThat(out.get("Deleted").toString()).isEqualTo("[{\"Key\":\"same\"},{\"Key\":\"any\"},{\"Key\":\"plain\"}]");
        assertThat(out.get("Errors").toString()).isEqualTo("[{\"Key\":\"changed\",\"Code\":\"PreconditionFailed\","
                + "\"Message\":\"At least one of the pre-conditions you specified did not hold\"},"
                + "{\"Key\":\"gone\",\"Code\":\"PreconditionFailed\","
                + "\"Message\":\"At least one of the pre-conditions you specified did not hold\"}]");
        assertThat(body(h.get("mail", "changed"))).isEqualTo("hello again");
        h.assertError(S3Errors.NO_SUCH_KEY, "GetObject", obj().put("Bucket", "mail").put("Key", "same"));
        h.assertError(S3Errors.NO_SUCH_KEY, "GetObject", obj().put("Bucket", "mail").put("Key", "any"));

        // Quiet mode reports the failures too.
        ObjectNode quiet = h.call("DeleteObjects", json("{'Bucket':'mail','Delete':{'Quiet':true,'Objects':["
                + "{'Key':'changed','ETag':'\\\"0000\\\"'}]}}"));
        assertThat(quiet.at("/Errors/0/Code").asText()).isEqualTo("PreconditionFailed");
        assertThat(body(h.get("mail", "changed"))).isEqualTo("hello again");
    }

    @Test
    void deleteObjectsReportsEachKeyAndQuietModeOnlyErrors() {
        h.put("mail", "a", "1");
        h.put("mail", "b", "2");
        ObjectNode out = h.call("DeleteObjects", json("{'Bucket':'mail','Delete':{'Objects':[{'Key':'a'},"
                + "{'Key':'missing'},{'Key':'b','VersionId':'v123'}]}}"));
        assertThat(out.get("Deleted").toString()).isEqualTo("[{\"Key\":\"a\"},{\"Key\":\"missing\"}]");
        assertThat(out.at("/Errors/0/Key").asText()).isEqualTo("b");
        assertThat(out.at("/Errors/0/Code").asText()).isEqualTo("NoSuchVersion");
        assertThat(out.at("/Errors/0/Message").asText()).isEqualTo("The specified version does not exist.");
        assertThat(out.at("/Errors/0/VersionId").asText()).isEqualTo("v123");
        assertThat(h.get("mail", "b").get("ETag")).isNotNull();

        ObjectNode quiet = h.call("DeleteObjects", json("{'Bucket':'mail','Delete':{'Quiet':true,'Objects':[{'Key':'b'}]}}"));
        assertThat(quiet.has("Deleted")).isFalse();
        assertThat(quiet.has("Errors")).isFalse();
        h.assertError(S3Errors.NO_SUCH_KEY, "GetObject", obj().put("Bucket", "mail").put("Key", "b"));
    }

    @Test
    void deleteObjectsTakesOneToAThousandKeys() {
        h.assertError(S3Errors.MALFORMED_XML, "DeleteObjects", json("{'Bucket':'mail','Delete':{'Objects':[]}}"));
        h.assertError(S3Errors.MALFORMED_XML, "DeleteObjects", json("{'Bucket':'mail'}"));
        ObjectNode many = json("{'Bucket':'mail','Delete':{}}");
        var list = ((ObjectNode) many.get("Delete")).putArray("Objects");
        for (int i = 0; i < 1001; i++) {
            list.addObject().put("Key", "k" + i);
        }
        h.assertError(S3Errors.MALFORMED_XML, "DeleteObjects", many);
        list.remove(1000);
        assertThat(h.call("DeleteObjects", many).get("Deleted")).hasSize(1000);
    }

    @Test
    void bodiesAreCopiedInAndOut() {
        byte[] data = bytes("hello");
        h.call("PutObject", obj().put("Bucket", "mail").put("Key", "k").put("Body", data));
        data[0] = 'J';
        ObjectNode got = h.get("mail", "k");
        assertThat(body(got)).isEqualTo("hello");
    }

    @Test
    void theGovernanceBypassHeaderIsRefusedOnBucketsWithoutObjectLock() {
        h.put("mail", "k", "hello");
        for (String value : new String[] {"true", "false"}) {
            AwsException single = h.error("DeleteObject", obj().put("Bucket", "mail").put("Key", "k")
                    .put("BypassGovernanceRetention", value));
            assertThat(single.error()).isEqualTo(S3Errors.INVALID_ARGUMENT);
            assertThat(single.getMessage()).isEqualTo("x-amz-bypass-governance-retention is only applicable to"
                    + " Object Lock enabled buckets.");
            assertThat(single.details()).containsEntry("ArgumentName", "x-amz-bypass-governance-retention");
        }
        h.assertError(S3Errors.INVALID_ARGUMENT, "DeleteObjects", json("{'Bucket':'mail','BypassGovernanceRetention':"
                + "true,'Delete':{'Objects':[{'Key':'k'}]}}"));
        assertThat(body(h.get("mail", "k"))).isEqualTo("hello");
    }

    @Test
    void errorsNameTheKeyAndTheVersionIdTheyRefused() {
        AwsException missing = h.error("GetObject", obj().put("Bucket", "mail").put("Key", "no/such"));
        assertThat(missing.details()).containsExactly(Map.entry("Key", "no/such"));
        h.put("mail", "k", "hello");
        AwsException version = h.error("GetObject", obj().put("Bucket", "mail").put("Key", "k")
                .put("VersionId", "HPniJFCxqTsMuIH9KX8K8wEjNUgmABCD"));
        assertThat(version.getMessage()).isEqualTo("Invalid version id specified");
        assertThat(version.details()).containsExactly(Map.entry("ArgumentName", "versionId"),
                Map.entry("ArgumentValue", "HPniJFCxqTsMuIH9KX8K8wEjNUgmABCD"));
    }

    @Test
    void responseExpiresOverridesTheExpiresHeaderWithAnHttpDate() {
        h.put("mail", "k", "hello");
        ObjectNode out = h.call("GetObject", obj().put("Bucket", "mail").put("Key", "k")
                .put("ResponseExpires", 1924992000.0));
        assertThat(out.get("Expires").asText()).isEqualTo("Wed, 01 Jan 2031 00:00:00 GMT");
    }

    @Test
    void objectLockRetentionIsRefusedAsOnABucketWithoutObjectLock() {
        h.put("mail", "src", "hello");
        ObjectNode[] requests = {
            obj().put("Bucket", "mail").put("Key", "k").put("ObjectLockMode", "GOVERNANCE")
                .put("ObjectLockRetainUntilDate", 1924992000.0),
            obj().put("Bucket", "mail").put("Key", "k").put("ObjectLockLegalHoldStatus", "ON")};
        for (ObjectNode request : requests) {
            for (String operation : new String[] {"PutObject", "CopyObject", "CreateMultipartUpload"}) {
                ObjectNode in = request.deepCopy();
                if (operation.equals("CopyObject")) {
                    in.put("CopySource", "mail/src");
                }
                AwsException e = h.error(operation, in);
                assertThat(e.error()).as(operation).isEqualTo(S3Errors.INVALID_REQUEST);
                assertThat(e.getMessage()).isEqualTo("Bucket is missing ObjectLockConfiguration");
            }
        }
        h.assertError(S3Errors.NO_SUCH_KEY, "GetObject", obj().put("Bucket", "mail").put("Key", "k"));
    }

    @Test
    void objectsUploadedWithoutAChecksumGetTheDefaultCrc64nvme() {
        // AWS answered a one-part upload of "test" begun without a checksum algorithm with this checksum.
        String crc64nvmeOfTest = "+bu+zv66sUM=";
        ObjectNode put = h.call("PutObject", obj().put("Bucket", "mail").put("Key", "k").put("Body", bytes("test")));
        assertThat(put.get("ChecksumCRC64NVME").asText()).isEqualTo(crc64nvmeOfTest);
        assertThat(put.get("ChecksumType").asText()).isEqualTo("FULL_OBJECT");
        ObjectNode get = h.call("GetObject", obj().put("Bucket", "mail").put("Key", "k").put("ChecksumMode", "ENABLED"));
        assertThat(get.get("ChecksumCRC64NVME").asText()).isEqualTo(crc64nvmeOfTest);
        assertThat(h.get("mail", "k").has("ChecksumCRC64NVME")).as("only when asked").isFalse();
        ObjectNode copy = h.call("CopyObject", obj().put("Bucket", "mail").put("Key", "copy").put("CopySource", "mail/k"));
        assertThat(copy.at("/CopyObjectResult/ChecksumCRC64NVME").asText()).isEqualTo(crc64nvmeOfTest);

        String id = h.call("CreateMultipartUpload", obj().put("Bucket", "mail").put("Key", "mpu")).get("UploadId").asText();
        String etag = h.call("UploadPart", obj().put("Bucket", "mail").put("Key", "mpu").put("UploadId", id)
                .put("PartNumber", 1).put("Body", bytes("test"))).get("ETag").asText();
        ObjectNode complete = h.call("CompleteMultipartUpload", json("{'Bucket':'mail','Key':'mpu','UploadId':'" + id
                + "','MultipartUpload':{'Parts':[{'PartNumber':1,'ETag':'" + etag.replace("\"", "\\\"") + "'}]}}"));
        assertThat(complete.get("ChecksumCRC64NVME").asText()).isEqualTo(crc64nvmeOfTest);
        assertThat(complete.get("ChecksumType").asText()).isEqualTo("FULL_OBJECT");
        assertThat(complete.get("ETag").asText()).isEqualTo("\"60cd54a928cbbcbb6e7b5595bab46a9e-1\"");
    }
}
