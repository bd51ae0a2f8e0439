package io.mailroom.s3;

import static io.mailroom.s3.S3Harness.body;
import static io.mailroom.s3.S3Harness.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.error.AwsException;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RangeAndConditionTest {
    private static final String ETAG = ObjectTest.HELLO_ETAG;
    /** The object's Last-Modified, epoch seconds: the harness clock's start, truncated to the second. */
    private static final double MODIFIED = 1714557600.0;
    private final S3Harness h = new S3Harness();

    @BeforeEach
    void object() {
        h.createBucket("bkt");
        h.put("bkt", "k", "0123456789");
        h.put("bkt", "hello", "hello");
    }

    private ObjectNode get(String key) {
        return obj().put("Bucket", "bkt").put("Key", key);
    }

    @ParameterizedTest
    @CsvSource({"bytes=0-3,0123,bytes 0-3/10", "bytes=7-,789,bytes 7-9/10", "bytes=-3,789,bytes 7-9/10",
            "bytes=8-100,89,bytes 8-9/10", "bytes=-50,0123456789,bytes 0-9/10", "bytes=9-9,9,bytes 9-9/10"})
    void rangesAnswer206WithContentRange(String range, String expected, String contentRange) {
        ObjectNode out = h.call("GetObject", get("k").put("Range", range));
        assertThat(out.get("__status").asInt()).isEqualTo(206);
        assertThat(body(out)).isEqualTo(expected);
        assertThat(out.get("ContentRange").asText()).isEqualTo(contentRange);
        assertThat(out.get("ContentLength").asLong()).isEqualTo(expected.length());
        assertThat(out.get("ETag").asText()).isEqualTo("\"781e5e245d69b566979b86e28d23f2c7\"");
        ObjectNode head = h.call("HeadObject", get("k").put("Range", range));
        assertThat(head.get("__status").asInt()).isEqualTo(206);
        assertThat(head.get("ContentRange").asText()).isEqualTo(contentRange);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=10-", "bytes=10-20", "bytes=-0"})
    void unsatisfiableRangesAre416(String range) {
        h.assertError(S3Errors.INVALID_RANGE, "GetObject", get("k").put("Range", range));
    }

    @Test
    void anUnsatisfiableRangeIsEchoedWithTheObjectsSize() {
        AwsException e = h.error("GetObject", get("k").put("Range", "bytes=100-200"));
        assertThat(e.details()).containsExactly(Map.entry("RangeRequested", "bytes=100-200"),
                Map.entry("ActualObjectSize", "10"));
    }

    @Test
    void aRangeOverTheWholeObjectCarriesItsChecksumAndAPartialOneDoesNot() {
        h.call("PutObject", get("summed").put("Body", S3Harness.bytes("0123456789")).put("ChecksumAlgorithm", "CRC32"));
        for (String whole : new String[] {"bytes=0-100", "bytes=-15", "bytes=0-"}) {
            ObjectNode out = h.call("GetObject", get("summed").put("Range", whole).put("ChecksumMode", "ENABLED"));
            assertThat(out.get("__status").asInt()).as(whole).isEqualTo(206);
            assertThat(out.path("ChecksumCRC32").asText()).as(whole).isEqualTo("poTHxg==");
            assertThat(out.path("ChecksumType").asText()).as(whole).isEqualTo("FULL_OBJECT");
        }
        ObjectNode part = h.call("GetObject", get("summed").put("Range", "bytes=0-8").put("ChecksumMode", "ENABLED"));
        assertThat(part.has("ChecksumCRC32")).isFalse();
        assertThat(part.has("ChecksumType")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=0-1,3-4", "items=0-1", "bytes=5-2", "bytes=abc", "bytes=-"})
    void rangesS3CannotUseAreIgnored(String range) {
        ObjectNode out = h.call("GetObject", get("k").put("Range", range));
        assertThat(out.has("__status")).isFalse();
        assertThat(out.has("ContentRange")).isFalse();
        assertThat(body(out)).isEqualTo("0123456789");
    }

    @Test
    void aRangeOfAnEmptyObjectIsUnsatisfiable() {
        h.put("bkt", "empty", "");
        h.assertError(S3Errors.INVALID_RANGE, "GetObject", get("empty").put("Range", "bytes=0-"));
    }

    @Test
    void partNumberOneIsTheWholeSinglePartObject() {
        ObjectNode out = h.call("GetObject", get("k").put("PartNumber", 1));
        assertThat(body(out)).isEqualTo("0123456789");
        // As a range: 206 with Content-Range, and no parts count, which only objects uploaded in parts have.
        assertThat(out.get("__status").asInt()).isEqualTo(206);
        assertThat(out.get("ContentRange").asText()).isEqualTo("bytes 0-9/10");
        assertThat(out.has("PartsCount")).isFalse();
        h.assertError(S3Errors.INVALID_PART_NUMBER, "GetObject", get("k").put("PartNumber", 2));
        h.assertError(S3Errors.INVALID_ARGUMENT, "GetObject", get("k").put("PartNumber", 0));
        h.assertError(S3Errors.INVALID_ARGUMENT, "HeadObject", get("k").put("PartNumber", 10_001));
    }

    @Test
    void ifMatch() {
        assertThat(body(h.call("GetObject", get("hello").put("IfMatch", ETAG)))).isEqualTo("hello");
        // Unquoted, in a list, or * all match.
        h.call("GetObject", get("hello").put("IfMatch", "\"x\", 5d41402abc4b2a76b9719d911017c592"));
        h.call("GetObject", get("hello").put("IfMatch", "*"));
        h.assertError(S3Errors.PRECONDITION_FAILED, "GetObject", get("hello").put("IfMatch", "\"other\""));
        h.assertError(S3Errors.PRECONDITION_FAILED, "HeadObject", get("hello").put("IfMatch", "\"other\""));
    }

    @Test
    void ifNoneMatchAnswers304WithTheValidators() {
        ObjectNode out = h.call("GetObject", get("hello").put("IfNoneMatch", ETAG));
        assertThat(out.get("__status").asInt()).isEqualTo(304);
        assertThat(out.get("ETag").asText()).isEqualTo(ETAG);
        assertThat(out.get("LastModified").doubleValue()).isEqualTo(MODIFIED);
        assertThat(out.has("Body")).isFalse();
        assertThat(h.call("HeadObject", get("hello").put("IfNoneMatch", ETAG)).get("__status").asInt()).isEqualTo(304);
        assertThat(body(h.call("GetObject", get("hello").put("IfNoneMatch", "\"other\"")))).isEqualTo("hello");
    }

    @Test
    void ifModifiedSince() {
        // Same second as Last-Modified: not modified.
        assertThat(h.call("GetObject", get("hello").put("IfModifiedSince", MODIFIED)).get("__status").asInt())
                .isEqualTo(304);
        assertThat(h.call("GetObject", get("hello").put("IfModifiedSince", "Wed, 01 May 2024 10:00:00 GMT"))
                .get("__status").asInt()).isEqualTo(304);
        assertThat(body(h.call("GetObject", get("hello").put("IfModifiedSince", MODIFIED - 1)))).isEqualTo("hello");
        // An unparseable date is ignored, as HTTP says.
        assertThat(body(h.call("GetObject", get("hello").put("IfModifiedSince", "yesterday")))).isEqualTo("hello");
    }

    @Test
    void ifUnmodifiedSince() {
        assertThat(body(h.call("GetObject", get("hello").put("IfUnmodifiedSince", MODIFIED)))).isEqualTo("hello");
        h.assertError(S3Errors.PRECONDITION_FAILED, "GetObject",
                get("hello").put("IfUnmodifiedSince", "2024-05-01T09:59:59Z"));
    }

    @Test
    void combinationsFollowS3sDocumentedPrecedence() {
        // If-Match true wins over a failing If-Unmodified-Since: 200.
        assertThat(body(h.call("GetObject", get("hello").put("IfMatch", ETAG).put("IfUnmodifiedSince", MODIFIED - 60))))
                .isEqualTo("hello");
        // If-None-Match false (the tag matches) with If-Modified-Since true: 304.
        assertThat(h.call("GetObject", get("hello").put("IfNoneMatch", ETAG).put("IfModifiedSince", MODIFIED - 60))
                .get("__status").asInt()).isEqualTo(304);
        // If-None-Match true (another tag) makes If-Modified-Since irrelevant: 200.
        assertThat(body(h.call("GetObject", get("hello").put("IfNoneMatch", "\"x\"").put("IfModifiedSince", MODIFIED))))
                .isEqualTo("hello");
        // A failing If-Match is 412 even when If-None-Match would be 304.
        h.assertError(S3Errors.PRECONDITION_FAILED, "GetObject", get("hello").put("IfMatch", "\"x\"").put("IfNoneMatch", ETAG));
    }
}
