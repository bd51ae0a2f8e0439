package io.mailroom.s3;

import static io.mailroom.s3.S3Harness.body;
import static io.mailroom.s3.S3Harness.bytes;
import static io.mailroom.s3.S3Harness.json;
import static io.mailroom.s3.S3Harness.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CopyTest {
    private final S3Harness h = new S3Harness();

    @BeforeEach
    void source() {
        h.createBucket("src");
        h.createBucket("dst");
        ObjectNode in = obj().put("Bucket", "src").put("Key", "dir/a b+c.eml").put("Body", bytes("hello"))
                .put("ContentType", "message/rfc822").put("ContentDisposition", "inline");
        in.putObject("Metadata").put("origin", "smtp");
        h.call("PutObject", in);
    }

    private ObjectNode copy(String source) {
        return obj().put("Bucket", "dst").put("Key", "copy.eml").put("CopySource", source);
    }

    @Test
    void copyKeepsHeadersAndMetadataByDefault() {
        h.advanceSeconds(3);
        ObjectNode in = copy("src/dir/a%20b%2Bc.eml").put("ContentType", "text/plain");
        in.putObject("Metadata").put("ignored", "yes");
        ObjectNode out = h.call("CopyObject", in);
        assertThat(out.at("/CopyObjectResult/ETag").asText()).isEqualTo(ObjectTest.HELLO_ETAG);
        assertThat(out.at("/CopyObjectResult/LastModified").doubleValue()).isEqualTo(1714557603.0);
        ObjectNode got = h.get("dst", "copy.eml");
        assertThat(body(got)).isEqualTo("hello");
        assertThat(got.get("ContentType").asText()).isEqualTo("message/rfc822");
        assertThat(got.get("ContentDisposition").asText()).isEqualTo("inline");
        assertThat(got.get("Metadata")).isEqualTo(json("{'origin':'smtp'}"));
        assertThat(got.get("LastModified").doubleValue()).isEqualTo(1714557603.0);
    }

    @Test
    void replaceTakesTheRequestsHeadersAndMetadata() {
        ObjectNode in = copy("/src/dir/a%20b%2Bc.eml").put("MetadataDirective", "REPLACE").put("ContentType", "text/plain");
        in.putObject("Metadata").put("Stage", "archived");
        h.call("CopyObject", in);
        ObjectNode got = h.get("dst", "copy.eml");
        assertThat(got.get("ContentType").asText()).isEqualTo("text/plain");
        assertThat(got.has("ContentDisposition")).isFalse();
        assertThat(got.get("Metadata")).isEqualTo(json("{'stage':'archived'}"));
        h.assertError(S3Errors.INVALID_ARGUMENT, "CopyObject", copy("src/dir/a%20b%2Bc.eml").put("MetadataDirective", "MERGE"));
    }

    @Test
    void copyingAnObjectOntoItselfMustChangeSomething() {
        ObjectNode self = obj().put("Bucket", "src").put("Key", "dir/a b+c.eml").put("CopySource", "src/dir/a%20b%2Bc.eml");
        h.assertError(S3Errors.INVALID_REQUEST, "CopyObject", self);
        h.call("CopyObject", self.deepCopy().put("MetadataDirective", "REPLACE").put("ContentType", "text/plain"));
        assertThat(h.get("src", "dir/a b+c.eml").get("ContentType").asText()).isEqualTo("text/plain");
        h.call("CopyObject", self.deepCopy().put("StorageClass", "GLACIER_IR"));
    }

    @Test
    void copySourceForms() {
        h.call("CopyObject", copy("src/dir/a%20b%2Bc.eml?versionId=null"));
        h.assertError(S3Errors.INVALID_ARGUMENT, "CopyObject", copy("src/dir/a%20b%2Bc.eml?versionId=abc"));
        h.assertError(S3Errors.INVALID_ARGUMENT, "CopyObject", copy("src"));
        h.assertError(S3Errors.INVALID_ARGUMENT, "CopyObject", copy("src/"));
        h.assertError(S3Errors.INVALID_ARGUMENT, "CopyObject", obj().put("Bucket", "dst").put("Key", "k"));
        h.assertError(S3Errors.NO_SUCH_KEY, "CopyObject", copy("src/dir/missing"));
        h.assertError(S3Errors.NO_SUCH_BUCKET, "CopyObject", copy("nowhere/dir/a"));
        // '+' in a path is a plus sign, not a space.
        h.assertError(S3Errors.NO_SUCH_KEY, "CopyObject", copy("src/dir/a+b%2Bc.eml"));
    }

    @Test
    void conditionsOnTheSourceAnswer412() {
        h.assertError(S3Errors.PRECONDITION_FAILED, "CopyObject",
                copy("src/dir/a%20b%2Bc.eml").put("CopySourceIfMatch", "\"nope\""));
        h.assertError(S3Errors.PRECONDITION_FAILED, "CopyObject",
                copy("src/dir/a%20b%2Bc.eml").put("CopySourceIfNoneMatch", ObjectTest.HELLO_ETAG));
        h.assertError(S3Errors.PRECONDITION_FAILED, "CopyObject",
                copy("src/dir/a%20b%2Bc.eml").put("CopySourceIfModifiedSince", 1714557600.0));
        h.assertError(S3Errors.PRECONDITION_FAILED, "CopyObject",
                copy("src/dir/a%20b%2Bc.eml").put("CopySourceIfUnmodifiedSince", 1714557599.0));
        h.call("CopyObject", copy("src/dir/a%20b%2Bc.eml").put("CopySourceIfMatch", ObjectTest.HELLO_ETAG)
                .put("CopySourceIfModifiedSince", 1714557599.0));
        h.assertError(S3Errors.PRECONDITION_FAILED, "CopyObject", copy("src/dir/a%20b%2Bc.eml").put("IfNoneMatch", "*"));
    }
}
