package io.mailroom.s3;

import static io.mailroom.s3.S3Harness.bytes;
import static io.mailroom.s3.S3Harness.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.s3.object.ChecksumAlgorithm;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GetObjectAttributes: what is asked for, and parts listed only where S3 keeps their checksums. */
class AttributesTest {
    private static final int MIB = 1024 * 1024;
    private final S3Harness h = new S3Harness();
    private final byte[] big = filled(5 * MIB, 'a');
    private final byte[] small = filled(3, 'b');

    @TempDir
    Path dataDir;

    @BeforeEach
    void bucket() {
        h.createBucket("mail");
    }

    private static byte[] filled(int size, char c) {
        byte[] b = new byte[size];
        Arrays.fill(b, (byte) c);
        return b;
    }

    private static ObjectNode ask(String key, String... attributes) {
        ObjectNode in = obj().put("Bucket", "mail").put("Key", key);
        ArrayNode list = in.putArray("ObjectAttributes");
        Arrays.stream(attributes).forEach(list::add);
        return in;
    }

    /** Uploads three parts (5 MiB, 5 MiB, 3 bytes), with CRC32 part checksums when {@code algorithm} is set. */
    private void multipart(String key, String algorithm) {
        ObjectNode create = obj().put("Bucket", "mail").put("Key", key);
        if (algorithm != null) {
            create.put("ChecksumAlgorithm", algorithm);
        }
        String id = h.call("CreateMultipartUpload", create).get("UploadId").asText();
        ObjectNode complete = obj().put("Bucket", "mail").put("Key", key).put("UploadId", id);
        ArrayNode parts = complete.putObject("MultipartUpload").putArray("Parts");
        byte[][] bodies = {big, big, small};
        for (int i = 0; i < bodies.length; i++) {
            ObjectNode uploaded = h.call("UploadPart", obj().put("Bucket", "mail").put("Key", key).put("UploadId", id)
                    .put("PartNumber", i + 1).put("Body", bodies[i]));
            ObjectNode listed = parts.addObject().put("PartNumber", i + 1).put("ETag", uploaded.get("ETag").asText());
            if (algorithm != null) {
                listed.put("ChecksumCRC32", uploaded.get("ChecksumCRC32").asText());
            }
        }
        h.call("CompleteMultipartUpload", complete);
    }

    @Test
    void onlyTheAttributesAskedForWithTheEtagUnquoted() {
        h.call("PutObject", obj().put("Bucket", "mail").put("Key", "one").put("Body", bytes("hello"))
                .put("ChecksumAlgorithm", "SHA256"));
        ObjectNode all = h.call("GetObjectAttributes", ask("one", "ETag", "Checksum", "ObjectParts", "StorageClass",
                "ObjectSize"));
        assertThat(all.get("ETag").asText()).isEqualTo("5d41402abc4b2a76b9719d911017c592");
        assertThat(all.at("/Checksum/ChecksumSHA256").asText()).isEqualTo(ChecksumAlgorithm.SHA256.compute(bytes("hello")));
        assertThat(all.at("/Checksum/ChecksumType").asText()).isEqualTo("FULL_OBJECT");
        assertThat(all.has("ObjectParts")).as("an object uploaded in one part has none").isFalse();
        assertThat(all.get("StorageClass").asText()).isEqualTo("STANDARD");
        assertThat(all.get("ObjectSize").asLong()).isEqualTo(5);
        assertThat(all.get("LastModified").asDouble()).isPositive();

        ObjectNode size = h.call("GetObjectAttributes", ask("one", "ObjectSize"));
        assertThat(size.has("ETag")).isFalse();
        assertThat(size.has("Checksum")).isFalse();
        assertThat(size.get("ObjectSize").asLong()).isEqualTo(5);

        // An upload without a checksum gets S3's default one.
        h.call("PutObject", obj().put("Bucket", "mail").put("Key", "plain").put("Body", bytes("x")));
        assertThat(h.call("GetObjectAttributes", ask("plain", "Checksum")).at("/Checksum/ChecksumCRC64NVME").asText())
                .isEqualTo(ChecksumAlgorithm.CRC64NVME.compute(bytes("x")));
    }

    @Test
    void compositeUploadsListTheirPartsInPagesOthersOnlyCountThem() {
        multipart("composite", "CRC32");
        ObjectNode page = h.call("GetObjectAttributes", ask("composite", "ObjectParts").put("MaxParts", 2));
        ObjectNode parts = (ObjectNode) page.get("ObjectParts");
        assertThat(parts.get("TotalPartsCount").asInt()).isEqualTo(3);
        assertThat(parts.get("PartNumberMarker").asInt()).isZero();
        assertThat(parts.get("NextPartNumberMarker").asInt()).isEqualTo(2);
        assertThat(parts.get("MaxParts").asInt()).isEqualTo(2);
        assertThat(parts.get("IsTruncated").asBoolean()).isTrue();
        assertThat(parts.get("Parts")).hasSize(2);
        assertThat(parts.at("/Parts/0/PartNumber").asInt()).isEqualTo(1);
        assertThat(parts.at("/Parts/0/Size").asLong()).isEqualTo(big.length);
        assertThat(parts.at("/Parts/0/ChecksumCRC32").asText()).isEqualTo(ChecksumAlgorithm.CRC32.compute(big));

        ObjectNode rest = (ObjectNode) h.call("GetObjectAttributes", ask("composite", "ObjectParts")
                .put("PartNumberMarker", 2)).get("ObjectParts");
        assertThat(rest.get("IsTruncated").asBoolean()).isFalse();
        assertThat(rest.get("NextPartNumberMarker").asInt()).isEqualTo(3);
        assertThat(rest.get("Parts")).singleElement().satisfies(p -> {
            assertThat(p.get("PartNumber").asInt()).isEqualTo(3);
            assertThat(p.get("Size").asLong()).isEqualTo(small.length);
            assertThat(p.get("ChecksumCRC32").asText()).isEqualTo(ChecksumAlgorithm.CRC32.compute(small));
        });

        multipart("unchecked", null);
        ObjectNode counted = (ObjectNode) h.call("GetObjectAttributes", ask("unchecked", "ObjectParts", "ETag"))
                .get("ObjectParts");
        assertThat(counted.get("TotalPartsCount").asInt()).isEqualTo(3);
        assertThat(counted.has("Parts")).isFalse();
        assertThat(counted.has("MaxParts")).isFalse();
    }

    @Test
    void partChecksumsAreSavedWithTheDataDirectory() {
        multipart("composite", "CRC32");
        h.s3.save(dataDir);
        S3Harness after = new S3Harness();
        after.s3.load(dataDir);
        assertThat(after.call("GetObjectAttributes", ask("composite", "ObjectParts")))
                .isEqualTo(h.call("GetObjectAttributes", ask("composite", "ObjectParts")));
    }

    @Test
    void errors() {
        h.assertError(S3Errors.NO_SUCH_KEY, "GetObjectAttributes", ask("missing", "ETag"));
        h.assertError(S3Errors.NO_SUCH_BUCKET, "GetObjectAttributes", ask("k", "ETag").put("Bucket", "elsewhere"));
        h.call("PutObject", obj().put("Bucket", "mail").put("Key", "k").put("Body", bytes("x")));
        h.assertError(S3Errors.INVALID_ARGUMENT, "GetObjectAttributes", ask("k"));
        h.assertError(S3Errors.INVALID_ARGUMENT, "GetObjectAttributes", ask("k", "ETag").put("VersionId", "v1"));
    }
}
