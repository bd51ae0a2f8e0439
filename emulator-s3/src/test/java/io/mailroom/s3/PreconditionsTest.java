package io.mailroom.s3;

import static io.mailroom.s3.S3Harness.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The header S3 names in a PreconditionFailed, and conditions it ignores. */
class PreconditionsTest {
    private final S3Harness h = new S3Harness();
    private double lastModified;
    private String etag;

    @BeforeEach
    void object() {
        h.createBucket("bkt");
        ObjectNode put = h.put("bkt", "src", "data");
        etag = put.get("ETag").asText();
        lastModified = h.call("HeadObject", obj().put("Bucket", "bkt").put("Key", "src")).get("LastModified").doubleValue();
        h.advanceSeconds(10);
    }

    private ObjectNode copy() {
        return obj().put("Bucket", "bkt").put("Key", "dst").put("CopySource", "bkt/src");
    }

    private ObjectNode get() {
        return obj().put("Bucket", "bkt").put("Key", "src");
    }

    private String condition(String operation, ObjectNode in) {
        var e = h.error(operation, in);
        assertThat(e.error()).isEqualTo(S3Errors.PRECONDITION_FAILED);
        return e.details().get("Condition");
    }

    @Test
    void copyNamesTheFirstSourceConditionThatFailsInS3sOrder() {
        double now = lastModified + 10;
        double yesterday = now - 86_400;
        assertThat(condition("CopyObject", copy().put("CopySourceIfModifiedSince", now)
                .put("CopySourceIfUnmodifiedSince", yesterday).put("CopySourceIfMatch", "\"other\"")
                .put("CopySourceIfNoneMatch", etag))).isEqualTo("x-amz-copy-source-If-Match");
        assertThat(condition("CopyObject", copy().put("CopySourceIfModifiedSince", now)
                .put("CopySourceIfUnmodifiedSince", yesterday).put("CopySourceIfNoneMatch", etag)))
                .isEqualTo("x-amz-copy-source-If-Unmodified-Since");
        assertThat(condition("CopyObject", copy().put("CopySourceIfModifiedSince", now)
                .put("CopySourceIfNoneMatch", etag))).isEqualTo("x-amz-copy-source-If-None-Match");
        assertThat(condition("CopyObject", copy().put("CopySourceIfModifiedSince", now)))
                .isEqualTo("x-amz-copy-source-If-Modified-Since");
    }

    @Test
    void anIfModifiedSinceInTheFutureIsIgnored() {
        double tomorrow = lastModified + 10 + 86_400;
        assertThat(h.call("CopyObject", copy().put("CopySourceIfModifiedSince", tomorrow)).has("CopyObjectResult"))
                .isTrue();
        ObjectNode read = h.call("GetObject", get().put("IfModifiedSince", tomorrow));
        assertThat(read.has("__status")).isFalse();
        assertThat(S3Harness.body(read)).isEqualTo("data");
        // A past date still applies.
        assertThat(h.call("GetObject", get().put("IfModifiedSince", lastModified + 5)).get("__status").asInt())
                .isEqualTo(304);
    }

    @Test
    void getAndWritesNameTheirOwnHeaders() {
        assertThat(condition("GetObject", get().put("IfMatch", "\"other\""))).isEqualTo("If-Match");
        assertThat(condition("GetObject", get().put("IfUnmodifiedSince", lastModified - 60))).isEqualTo("If-Unmodified-Since");
        ObjectNode put = obj().put("Bucket", "bkt").put("Key", "src").put("Body", S3Harness.bytes("x"));
        assertThat(condition("PutObject", put.deepCopy().put("IfNoneMatch", "*"))).isEqualTo("If-None-Match");
        assertThat(condition("PutObject", put.deepCopy().put("IfMatch", "\"other\""))).isEqualTo("If-Match");
        assertThat(condition("DeleteObject", get().put("IfMatch", "\"other\""))).isEqualTo("If-Match");
        var e = h.error("PutObject", put.deepCopy().put("IfNoneMatch", etag));
        assertThat(e.error()).isEqualTo(S3Errors.NOT_IMPLEMENTED);
        assertThat(e.details()).containsEntry("Header", "If-None-Match");
    }
}
