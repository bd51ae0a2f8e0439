package io.mailroom.s3;

import static io.mailroom.s3.S3Harness.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.error.AwsException;
import io.mailroom.s3.object.ChecksumAlgorithm;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MultipartTest {
    private static final int MIB = 1024 * 1024;
    private final S3Harness h = new S3Harness();

    @BeforeEach
    void bucket() {
        h.createBucket("big");
    }

    private String create(String key) {
        return create(obj().put("Bucket", "big").put("Key", key));
    }

    private String create(ObjectNode in) {
        return h.call("CreateMultipartUpload", in).get("UploadId").asText();
    }

    private ObjectNode part(String key, String uploadId, int number, byte[] body) {
        return h.call("UploadPart", obj().put("Bucket", "big").put("Key", key).put("UploadId", uploadId)
                .put("PartNumber", number).put("Body", body));
    }

    private static ObjectNode completion(String key, String uploadId, Object... numbersAndEtags) {
        ObjectNode in = obj().put("Bucket", "big").put("Key", key).put("UploadId", uploadId);
        ArrayNode parts = in.putObject("MultipartUpload").putArray("Parts");
        for (int i = 0; i < numbersAndEtags.length; i += 2) {
            parts.addObject().put("PartNumber", (Integer) numbersAndEtags[i]).put("ETag", (String) numbersAndEtags[i + 1]);
        }
        return in;
    }

    private static byte[] filled(int size, char c) {
        byte[] b = new byte[size];
        Arrays.fill(b, (byte) c);
        return b;
    }

    private static byte[] md5(byte[] b) throws Exception {
        return MessageDigest.getInstance("MD5").digest(b);
    }

    @Test
    void partsBecomeOneObjectWithTheMultipartEtag() throws Exception {
        ObjectNode create = obj().put("Bucket", "big").put("Key", "mail.tar").put("ContentType", "application/x-tar");
        create.putObject("Metadata").put("Batch", "7");
        String id = create(create);
        byte[] one = filled(5 * MIB, 'a');
        byte[] two = "the end".getBytes(StandardCharsets.UTF_8);
        // Parts may arrive in any order, and a part uploaded again replaces the earlier one.
        String etag2 = part("mail.tar", id, 2, "draft".getBytes(StandardCharsets.UTF_8)).get("ETag").asText();
        etag2 = part("mail.tar", id, 2, two).get("ETag").asText();
        String etag1 = part("mail.tar", id, 1, one).get("ETag").asText();
        assertThat(etag1).isEqualTo('"' + HexFormat.of().formatHex(md5(one)) + '"');

        ObjectNode done = h.call("CompleteMultipartUpload", completion("mail.tar", id, 1, etag1, 2, etag2));

        ByteArrayOutputStream md5s = new ByteArrayOutputStream();
        md5s.write(md5(one));
        md5s.write(md5(two));
        String expected = '"' + HexFormat.of().formatHex(md5(md5s.toByteArray())) + "-2\"";
        assertThat(done.get("ETag").asText()).isEqualTo(expected);
        assertThat(done.get("Bucket").asText()).isEqualTo("big");
        assertThat(done.get("Key").asText()).isEqualTo("mail.tar");

        ObjectNode got = h.get("big", "mail.tar");
        byte[] body = got.get("Body").binaryValue();
        assertThat(body).hasSize(one.length + two.length);
        assertThat(Arrays.copyOfRange(body, one.length, body.length)).isEqualTo(two);
        assertThat(got.get("ETag").asText()).isEqualTo(expected);
        assertThat(got.get("ContentType").asText()).isEqualTo("application/x-tar");
        assertThat(got.get("Metadata").get("batch").asText()).isEqualTo("7");

        // GET and HEAD by part number read the part as it was uploaded.
        ObjectNode second = h.call("GetObject", obj().put("Bucket", "big").put("Key", "mail.tar").put("PartNumber", 2));
        assertThat(second.get("Body").binaryValue()).isEqualTo(two);
        assertThat(second.get("PartsCount").asInt()).isEqualTo(2);
        assertThat(second.get("__status").asInt()).isEqualTo(206);
        assertThat(second.get("ContentRange").asText()).isEqualTo("bytes 5242880-5242886/5242887");
        h.assertError(S3Errors.INVALID_PART_NUMBER, "HeadObject",
                obj().put("Bucket", "big").put("Key", "mail.tar").put("PartNumber", 3));

        // The upload is over: its id is no longer known.
        h.assertError(S3Errors.NO_SUCH_UPLOAD, "ListParts", obj().put("Bucket", "big").put("Key", "mail.tar")
                .put("UploadId", id));
        assertThat(h.queues.sent).isEmpty();
    }

    @Test
    void completionChecksThePartsListed() {
        String id = create("k");
        String small = part("k", id, 1, filled(10, 'x')).get("ETag").asText();
        String last = part("k", id, 2, filled(10, 'y')).get("ETag").asText();

        AwsException tooSmall = h.error("CompleteMultipartUpload", completion("k", id, 1, small, 2, last));
        assertThat(tooSmall.error()).isEqualTo(S3Errors.ENTITY_TOO_SMALL);
        // As S3 details it: the first part too small, its size and its ETag without quotes.
        assertThat(tooSmall.details()).containsExactly(Map.entry("ProposedSize", "10"),
                Map.entry("MinSizeAllowed", "5242880"), Map.entry("PartNumber", "1"),
                Map.entry("ETag", small.replace("\"", "")));
        h.assertError(S3Errors.INVALID_PART_ORDER, "CompleteMultipartUpload", completion("k", id, 2, last, 1, small));
        h.assertError(S3Errors.INVALID_PART, "CompleteMultipartUpload", completion("k", id, 1, last));
        h.assertError(S3Errors.INVALID_PART, "CompleteMultipartUpload", completion("k", id, 3, last));
        h.assertError(S3Errors.MALFORMED_XML, "CompleteMultipartUpload", completion("k", id));
        h.assertError(S3Errors.INVALID_ARGUMENT, "CompleteMultipartUpload", completion("k", id, 0, small));
        // A single small part is a whole (small) object: only parts before the last have a minimum.
        ObjectNode done = h.call("CompleteMultipartUpload", completion("k", id, 2, "\"" + last.replace("\"", "") + "\""));
        assertThat(done.get("ETag").asText()).endsWith("-1\"");
        assertThat(h.get("big", "k").get("ContentLength").asLong()).isEqualTo(10);
    }

    @Test
    void unknownUploadsAndPartNumbersAreRefused() {
        String id = create("k");
        AwsException unknown = h.error("UploadPart", obj().put("Bucket", "big").put("Key", "k")
                .put("UploadId", "nope").put("PartNumber", 1).put("Body", new byte[1]));
        assertThat(unknown.error()).isEqualTo(S3Errors.NO_SUCH_UPLOAD);
        assertThat(unknown.details()).containsExactly(Map.entry("UploadId", "nope"));
        // An upload id belongs to its key.
        h.assertError(S3Errors.NO_SUCH_UPLOAD, "UploadPart", obj().put("Bucket", "big").put("Key", "other")
                .put("UploadId", id).put("PartNumber", 1).put("Body", new byte[1]));
        for (int bad : new int[] {0, 10_001}) {
            h.assertError(S3Errors.INVALID_ARGUMENT, "UploadPart", obj().put("Bucket", "big").put("Key", "k")
                    .put("UploadId", id).put("PartNumber", bad).put("Body", new byte[1]));
        }
        part("k", id, 10_000, new byte[1]);
        h.assertError(S3Errors.BAD_DIGEST, "UploadPart", obj().put("Bucket", "big").put("Key", "k").put("UploadId", id)
                .put("PartNumber", 1).put("Body", new byte[1]).put("ContentMD5", "1B2M2Y8AsgTpgAmY7PhCfg=="));
        h.assertError(S3Errors.NO_SUCH_BUCKET, "CreateMultipartUpload", obj().put("Bucket", "nobucket").put("Key", "k"));
    }

    @Test
    void abortDropsTheUploadAndItsParts() {
        String id = create("k");
        part("k", id, 1, filled(3, 'z'));
        h.call("AbortMultipartUpload", obj().put("Bucket", "big").put("Key", "k").put("UploadId", id));
        AwsException gone = h.error("AbortMultipartUpload", obj().put("Bucket", "big").put("Key", "k").put("UploadId", id));
        assertThat(gone.error()).isEqualTo(S3Errors.NO_SUCH_UPLOAD);
        assertThat(gone.details()).containsExactly(Map.entry("UploadId", id));
        h.assertError(S3Errors.NO_SUCH_UPLOAD, "CompleteMultipartUpload", completion("k", id, 1, "\"x\""));
        assertThat(h.call("ListMultipartUploads", obj().put("Bucket", "big")).has("Uploads")).isFalse();
        h.assertError(S3Errors.NO_SUCH_KEY, "HeadObject", obj().put("Bucket", "big").put("Key", "k"));
    }

    @Test
    void listPartsPages() {
        String id = create("k");
        for (int n = 1; n <= 5; n++) {
            part("k", id, n, filled(n, 'p'));
        }
        ObjectNode first = h.call("ListParts", obj().put("Bucket", "big").put("Key", "k").put("UploadId", id)
                .put("MaxParts", 2));
        assertThat(first.get("IsTruncated").asBoolean()).isTrue();
        assertThat(first.get("NextPartNumberMarker").asInt()).isEqualTo(2);
        assertThat(first.get("Parts")).extracting(p -> p.get("PartNumber").asInt()).containsExactly(1, 2);
        assertThat(first.get("Parts").get(1).get("Size").asLong()).isEqualTo(2);
        assertThat(first.get("StorageClass").asText()).isEqualTo("STANDARD");
        assertThat(first.get("Initiator").get("ID").asText()).hasSize(64);
        assertThat(first.get("Initiator").has("DisplayName")).isFalse();
        assertThat(first.get("Owner").has("DisplayName")).isFalse();

        ObjectNode rest = h.call("ListParts", obj().put("Bucket", "big").put("Key", "k").put("UploadId", id)
                .put("PartNumberMarker", 2));
        assertThat(rest.get("IsTruncated").asBoolean()).isFalse();
        // The last part listed is named even when nothing follows.
        assertThat(rest.get("NextPartNumberMarker").asInt()).isEqualTo(5);
        assertThat(rest.get("Parts")).extracting(p -> p.get("PartNumber").asInt()).containsExactly(3, 4, 5);
    }

    @Test
    void listMultipartUploadsByKeyThenInitiationWithMarkersPrefixAndDelimiter() {
        String b1 = create("b");
        h.advanceSeconds(1);
        String b2 = create("b");
        String a = create("a");
        String nested = create("dir/x");
        create("dir/y");

        ObjectNode all = h.call("ListMultipartUploads", obj().put("Bucket", "big"));
        assertThat(all.at("/Uploads/0/Owner/ID").asText()).hasSize(64);
        assertThat(all.at("/Uploads/0/Owner").has("DisplayName")).isFalse();
        assertThat(all.at("/Uploads/0/Initiator").has("DisplayName")).isFalse();
        assertThat(keysAndIds(all)).containsExactly("a " + a, "b " + b1, "b " + b2, "dir/x " + nested,
                all.get("Uploads").get(4).get("Key").asText() + " " + all.get("Uploads").get(4).get("UploadId").asText());
        assertThat(all.get("IsTruncated").asBoolean()).isFalse();

        ObjectNode page = h.call("ListMultipartUploads", obj().put("Bucket", "big").put("MaxUploads", 2));
        assertThat(page.get("IsTruncated").asBoolean()).isTrue();
        assertThat(page.get("NextKeyMarker").asText()).isEqualTo("b");
        assertThat(page.get("NextUploadIdMarker").asText()).isEqualTo(b1);
        ObjectNode next = h.call("ListMultipartUploads", obj().put("Bucket", "big").put("MaxUploads", 2)
                .put("KeyMarker", "b").put("UploadIdMarker", b1));
        assertThat(keysAndIds(next)).containsExactly("b " + b2, "dir/x " + nested);
        // A key marker alone skips every upload of that key.
        ObjectNode afterB = h.call("ListMultipartUploads", obj().put("Bucket", "big").put("KeyMarker", "b"));
        assertThat(afterB.get("Uploads")).extracting(u -> u.get("Key").asText()).containsExactly("dir/x", "dir/y");

        assertThat(next.get("NextKeyMarker").asText()).isEqualTo("dir/x");
        assertThat(next.get("NextUploadIdMarker").asText()).isEqualTo(nested);

        // Paging through common prefixes ends: the next page starts after the prefix a page ended on.
        ObjectNode firstRolled = h.call("ListMultipartUploads", obj().put("Bucket", "big").put("Delimiter", "/")
                .put("KeyMarker", "b").put("MaxUploads", 1));
        assertThat(firstRolled.get("CommonPrefixes")).extracting(p -> p.get("Prefix").asText()).containsExactly("dir/");
        // S3 names no next upload after a page of common prefixes only; the last prefix is the key marker to go on.
        assertThat(firstRolled.get("NextKeyMarker").asText()).isEmpty();
        assertThat(firstRolled.get("NextUploadIdMarker").asText()).isEmpty();
        ObjectNode afterRolled = h.call("ListMultipartUploads", obj().put("Bucket", "big").put("Delimiter", "/")
                .put("KeyMarker", "dir/").put("MaxUploads", 1));
        assertThat(afterRolled.has("Uploads")).isFalse();
        assertThat(afterRolled.has("CommonPrefixes")).isFalse();
        assertThat(afterRolled.get("IsTruncated").asBoolean()).isFalse();

        // An upload-id marker whose upload was aborted between pages: the key's greater upload ids follow.
        h.call("AbortMultipartUpload", obj().put("Bucket", "big").put("Key", "b").put("UploadId", b1));
        ObjectNode afterGone = h.call("ListMultipartUploads", obj().put("Bucket", "big").put("KeyMarker", "b")
                .put("UploadIdMarker", b1));
        List<String> expectedAfterGone = new ArrayList<>(b2.compareTo(b1) > 0 ? List.of("b " + b2) : List.of());
        expectedAfterGone.add("dir/x " + nested);
        assertThat(keysAndIds(afterGone).subList(0, expectedAfterGone.size())).isEqualTo(expectedAfterGone);

        ObjectNode rolled = h.call("ListMultipartUploads", obj().put("Bucket", "big").put("Delimiter", "/"));
        assertThat(rolled.get("Uploads")).extracting(u -> u.get("Key").asText()).containsExactly("a", "b");
        assertThat(rolled.get("CommonPrefixes")).extracting(p -> p.get("Prefix").asText()).containsExactly("dir/");
        ObjectNode prefixed = h.call("ListMultipartUploads", obj().put("Bucket", "big").put("Prefix", "dir/"));
        assertThat(prefixed.get("Uploads")).extracting(u -> u.get("Key").asText()).containsExactly("dir/x", "dir/y");
    }

    private static List<String> keysAndIds(JsonNode listing) {
        List<String> out = new ArrayList<>();
        listing.get("Uploads").forEach(u -> out.add(u.get("Key").asText() + " " + u.get("UploadId").asText()));
        return out;
    }

    @Test
    void uploadPartCopyTakesARangeOfAnObject() throws Exception {
        h.put("big", "source", "0123456789");
        String id = create("k");
        ObjectNode copied = h.call("UploadPartCopy", obj().put("Bucket", "big").put("Key", "k").put("UploadId", id)
                .put("PartNumber", 1).put("CopySource", "big/source").put("CopySourceRange", "bytes=2-5"));
        String etag = copied.get("CopyPartResult").get("ETag").asText();
        assertThat(etag).isEqualTo('"' + HexFormat.of().formatHex(md5("2345".getBytes(StandardCharsets.UTF_8))) + '"');
        h.assertError(S3Errors.INVALID_ARGUMENT, "UploadPartCopy", obj().put("Bucket", "big").put("Key", "k")
                .put("UploadId", id).put("PartNumber", 2).put("CopySource", "big/source").put("CopySourceRange", "bytes=5-10"));
        h.assertError(S3Errors.NO_SUCH_KEY, "UploadPartCopy", obj().put("Bucket", "big").put("Key", "k")
                .put("UploadId", id).put("PartNumber", 2).put("CopySource", "big/missing"));
        String malformed = "The x-amz-copy-source-range value must be of the form bytes=first-last where first and"
                + " last are the zero-based offsets of the first and last bytes to copy";
        String[][] refused = {{"0-8", "InvalidArgument", malformed}, {"bytes=1-0", "InvalidArgument", malformed},
                {"bytes=-2", "InvalidArgument", malformed}, {"bytes=1-", "InvalidArgument", malformed},
                {"bytes=0-100", "InvalidArgument", "Range specified is not valid for source object of size: 10"},
                {"bytes=100-200", "InvalidRequest", "The specified copy range is invalid for the source object size"}};
        for (String[] r : refused) {
            AwsException e = h.error("UploadPartCopy", obj().put("Bucket", "big").put("Key", "k").put("UploadId", id)
                    .put("PartNumber", 2).put("CopySource", "big/source").put("CopySourceRange", r[0]));
            assertThat(e.error().code()).as(r[0]).isEqualTo(r[1]);
            assertThat(e.getMessage()).as(r[0]).isEqualTo(r[2]);
            assertThat(e.details()).as(r[0]).isEqualTo(r[1].equals("InvalidRequest") ? Map.of()
                    : Map.of("ArgumentName", "x-amz-copy-source-range", "ArgumentValue", r[0]));
        }
        h.call("CompleteMultipartUpload", completion("k", id, 1, etag));
        assertThat(S3Harness.body(h.get("big", "k"))).isEqualTo("2345");
    }

    @Test
    void compositeAndFullObjectChecksums() throws Exception {
        byte[] one = filled(5 * MIB, 'c');
        byte[] two = filled(7, 'd');

        String composite = create(obj().put("Bucket", "big").put("Key", "crc").put("ChecksumAlgorithm", "CRC32"));
        ObjectNode p1 = part("crc", composite, 1, one);
        assertThat(p1.get("ChecksumCRC32").asText()).isEqualTo(ChecksumAlgorithm.CRC32.compute(one));
        ObjectNode p2 = h.call("UploadPart", obj().put("Bucket", "big").put("Key", "crc").put("UploadId", composite)
                .put("PartNumber", 2).put("Body", two).put("ChecksumCRC32", ChecksumAlgorithm.CRC32.compute(two)));
        h.assertError(S3Errors.INVALID_REQUEST, "UploadPart", obj().put("Bucket", "big").put("Key", "crc")
                .put("UploadId", composite).put("PartNumber", 3).put("Body", two)
                .put("ChecksumSHA256", ChecksumAlgorithm.SHA256.compute(two)));
        AwsException twoChecksums = h.error("UploadPart", obj().put("Bucket", "big").put("Key", "crc")
                .put("UploadId", composite).put("PartNumber", 3).put("Body", two)
                .put("ChecksumCRC32", ChecksumAlgorithm.CRC32.compute(two))
                .put("ChecksumCRC32C", ChecksumAlgorithm.CRC32C.compute(two)));
        assertThat(twoChecksums.error()).isEqualTo(S3Errors.INVALID_REQUEST);
        assertThat(twoChecksums.getMessage()).startsWith("Expecting a single x-amz-checksum- header.");
        ObjectNode listing = completion("crc", composite, 1, p1.get("ETag").asText(), 2, p2.get("ETag").asText());
        // A composite checksum needs every part's checksum in the request, as uploaded.
        ObjectNode missing = listing.deepCopy();
        ((ObjectNode) missing.at("/MultipartUpload/Parts/0")).put("ChecksumCRC32", p1.get("ChecksumCRC32").asText());
        h.assertError(S3Errors.INVALID_REQUEST, "CompleteMultipartUpload", missing);
        ObjectNode wrong = missing.deepCopy();
        ((ObjectNode) wrong.at("/MultipartUpload/Parts/1")).put("ChecksumCRC32", p1.get("ChecksumCRC32").asText());
        h.assertError(S3Errors.INVALID_PART, "CompleteMultipartUpload", wrong);
        ObjectNode stated = missing.deepCopy();
        ((ObjectNode) stated.at("/MultipartUpload/Parts/1")).put("ChecksumCRC32", p2.get("ChecksumCRC32").asText());
        h.assertError(S3Errors.BAD_DIGEST, "CompleteMultipartUpload", stated.deepCopy().put("ChecksumType", "FULL_OBJECT"));
        h.assertError(S3Errors.INVALID_REQUEST, "CompleteMultipartUpload", stated.deepCopy().put("MpuObjectSize", 1));
        ObjectNode done = h.call("CompleteMultipartUpload", stated.put("MpuObjectSize", one.length + two.length)
                .put("ChecksumType", "COMPOSITE"));
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        raw.write(Base64.getDecoder().decode(ChecksumAlgorithm.CRC32.compute(one)));
        raw.write(Base64.getDecoder().decode(ChecksumAlgorithm.CRC32.compute(two)));
        assertThat(done.get("ChecksumCRC32").asText()).isEqualTo(ChecksumAlgorithm.CRC32.compute(raw.toByteArray()) + "-2");
        assertThat(done.get("ChecksumType").asText()).isEqualTo("COMPOSITE");
        ObjectNode head = h.call("HeadObject", obj().put("Bucket", "big").put("Key", "crc").put("ChecksumMode", "ENABLED"));
        assertThat(head.get("ChecksumType").asText()).isEqualTo("COMPOSITE");

        String full = create(obj().put("Bucket", "big").put("Key", "nvme").put("ChecksumAlgorithm", "CRC64NVME"));
        String e1 = part("nvme", full, 1, one).get("ETag").asText();
        String e2 = part("nvme", full, 2, two).get("ETag").asText();
        byte[] whole = new byte[one.length + two.length];
        System.arraycopy(one, 0, whole, 0, one.length);
        System.arraycopy(two, 0, whole, one.length, two.length);
        h.assertError(S3Errors.BAD_DIGEST, "CompleteMultipartUpload", completion("nvme", full, 1, e1, 2, e2)
                .put("ChecksumCRC64NVME", ChecksumAlgorithm.CRC64NVME.compute(one)));
        ObjectNode fullDone = h.call("CompleteMultipartUpload", completion("nvme", full, 1, e1, 2, e2)
                .put("ChecksumCRC64NVME", ChecksumAlgorithm.CRC64NVME.compute(whole)));
        assertThat(fullDone.get("ChecksumCRC64NVME").asText()).isEqualTo(ChecksumAlgorithm.CRC64NVME.compute(whole));
        assertThat(fullDone.get("ChecksumType").asText()).isEqualTo("FULL_OBJECT");

        h.assertError(S3Errors.INVALID_REQUEST, "CreateMultipartUpload", obj().put("Bucket", "big").put("Key", "x")
                .put("ChecksumAlgorithm", "SHA256").put("ChecksumType", "FULL_OBJECT"));
        h.assertError(S3Errors.INVALID_REQUEST, "CreateMultipartUpload", obj().put("Bucket", "big").put("Key", "x")
                .put("ChecksumType", "COMPOSITE"));
        h.assertError(S3Errors.INVALID_REQUEST, "CreateMultipartUpload", obj().put("Bucket", "big").put("Key", "x")
                .put("ChecksumAlgorithm", "CRC32").put("ChecksumType", "composite"));
        h.assertError(S3Errors.NOT_IMPLEMENTED, "CreateMultipartUpload", obj().put("Bucket", "big").put("Key", "x")
                .put("ChecksumAlgorithm", "XXHASH64"));

        // With checksums, the parts completed must be numbered 1, 2, 3...
        String gap = create(obj().put("Bucket", "big").put("Key", "gap").put("ChecksumAlgorithm", "CRC64NVME"));
        String only = part("gap", gap, 2, two).get("ETag").asText();
        h.assertError(S3Errors.INVALID_PART_ORDER, "CompleteMultipartUpload", completion("gap", gap, 2, only));
    }

    @Test
    void completionRaisesTheCompleteMultipartUploadEvent() {
        h.queues.existing.add("arn:aws:sqs:us-east-1:000000000000:events");
        h.call("PutBucketNotificationConfiguration", S3Harness.json("{'Bucket':'big','NotificationConfiguration':"
                + "{'QueueConfigurations':[{'QueueArn':'arn:aws:sqs:us-east-1:000000000000:events',"
                + "'Events':['s3:ObjectCreated:*']}]}}"));
        h.queues.sent.clear();
        String id = create("k");
        String etag = part("k", id, 1, filled(4, 'e')).get("ETag").asText();
        String objectEtag = h.call("CompleteMultipartUpload", completion("k", id, 1, etag)).get("ETag").asText();
        assertThat(h.queues.sent).hasSize(1);
        JsonNode record = readRecord(h.queues.sent.get(0).getValue().body());
        assertThat(record.get("eventName").asText()).isEqualTo("ObjectCreated:CompleteMultipartUpload");
        assertThat(record.at("/s3/object/eTag").asText()).isEqualTo(objectEtag.replace("\"", ""));
        assertThat(record.at("/s3/object/size").asLong()).isEqualTo(4);
    }

    private static JsonNode readRecord(String body) {
        try {
            return S3Harness.JSON.readTree(body).get("Records").get(0);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aFailedConditionLeavesTheUploadToCompleteLater() {
        h.put("big", "k", "already");
        String id = create("k");
        String etag = part("k", id, 1, filled(2, 'n')).get("ETag").asText();
        h.assertError(S3Errors.PRECONDITION_FAILED, "CompleteMultipartUpload",
                completion("k", id, 1, etag).put("IfNoneMatch", "*"));
        h.call("CompleteMultipartUpload", completion("k", id, 1, etag));
        assertThat(S3Harness.body(h.get("big", "k"))).isEqualTo("nn");
    }
}
