package io.mailroom.s3;

import static io.mailroom.s3.S3Harness.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ListingTest {
    private final S3Harness h = new S3Harness();

    @BeforeEach
    void objects() {
        h.createBucket("bkt");
        for (String k : new String[] {"a.txt", "inbox/1.eml", "inbox/2.eml", "inbox/spam/3.eml", "outbox/4.eml",
                "outbox/5.eml", "z.txt"}) {
            h.put("bkt", k, k);
        }
    }

    private ObjectNode list(ObjectNode params) {
        return h.call("ListObjectsV2", params.put("Bucket", "bkt"));
    }

    private static List<String> keys(JsonNode out) {
        List<String> keys = new ArrayList<>();
        out.path("Contents").forEach(c -> keys.add(c.get("Key").asText()));
        return keys;
    }

    private static List<String> prefixes(JsonNode out) {
        List<String> p = new ArrayList<>();
        out.path("CommonPrefixes").forEach(c -> p.add(c.get("Prefix").asText()));
        return p;
    }

    @Test
    void everythingInKeyOrder() {
        ObjectNode out = list(obj());
        assertThat(keys(out)).containsExactly("a.txt", "inbox/1.eml", "inbox/2.eml", "inbox/spam/3.eml",
                "outbox/4.eml", "outbox/5.eml", "z.txt");
        assertThat(out.get("KeyCount").asInt()).isEqualTo(7);
        assertThat(out.get("IsTruncated").asBoolean()).isFalse();
        assertThat(out.get("MaxKeys").asInt()).isEqualTo(1000);
        assertThat(out.get("Name").asText()).isEqualTo("bkt");
        assertThat(out.get("Prefix").asText()).isEmpty();
        assertThat(out.has("NextContinuationToken")).isFalse();
        JsonNode first = out.at("/Contents/0");
        assertThat(first.get("ETag").asText()).startsWith("\"");
        assertThat(first.get("Size").asLong()).isEqualTo(5);
        assertThat(first.get("StorageClass").asText()).isEqualTo("STANDARD");
        assertThat(first.get("LastModified").doubleValue()).isEqualTo(1714557600.0);
        assertThat(first.has("Owner")).isFalse();
        assertThat(list(obj().put("FetchOwner", true)).at("/Contents/0/Owner/ID").asText()).hasSize(64);
        assertThat(list(obj().put("FetchOwner", true)).at("/Contents/0/Owner").has("DisplayName")).isFalse();
    }

    @Test
    void delimiterRollsUpCommonPrefixes() {
        ObjectNode root = list(obj().put("Delimiter", "/"));
        assertThat(keys(root)).containsExactly("a.txt", "z.txt");
        assertThat(prefixes(root)).containsExactly("inbox/", "outbox/");
        assertThat(root.get("KeyCount").asInt()).isEqualTo(4);
        assertThat(root.get("Delimiter").asText()).isEqualTo("/");

        ObjectNode inbox = list(obj().put("Delimiter", "/").put("Prefix", "inbox/"));
        assertThat(keys(inbox)).containsExactly("inbox/1.eml", "inbox/2.eml");
        assertThat(prefixes(inbox)).containsExactly("inbox/spam/");

        ObjectNode byDot = list(obj().put("Delimiter", ".").put("Prefix", "inbox/"));
        assertThat(prefixes(byDot)).containsExactly("inbox/1.", "inbox/2.", "inbox/spam/3.");
        assertThat(keys(list(obj().put("Prefix", "nothing-here")))).isEmpty();
    }

    @Test
    void pagesWithContinuationTokensCountKeysAndPrefixesTogether() {
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            ObjectNode params = obj().put("Delimiter", "/").put("MaxKeys", 1);
            if (token != null) {
                params.put("ContinuationToken", token);
            }
            ObjectNode out = list(params);
            pages++;
            assertThat(out.get("KeyCount").asInt()).isEqualTo(1);
            seen.addAll(keys(out));
            seen.addAll(prefixes(out));
            if (token != null) {
                assertThat(out.get("ContinuationToken").asText()).isEqualTo(token);
            }
            token = out.get("IsTruncated").asBoolean() ? out.get("NextContinuationToken").asText() : null;
        } while (token != null);
        assertThat(pages).isEqualTo(4);
        assertThat(seen).containsExactly("a.txt", "inbox/", "outbox/", "z.txt");
    }

    @Test
    void startAfterAndItsPrecedenceBelowTheToken() {
        ObjectNode out = list(obj().put("StartAfter", "inbox/2.eml").put("MaxKeys", 2));
        assertThat(keys(out)).containsExactly("inbox/spam/3.eml", "outbox/4.eml");
        assertThat(out.get("StartAfter").asText()).isEqualTo("inbox/2.eml");
        ObjectNode next = list(obj().put("StartAfter", "inbox/2.eml").put("MaxKeys", 2)
                .put("ContinuationToken", out.get("NextContinuationToken").asText()));
        assertThat(keys(next)).containsExactly("outbox/5.eml", "z.txt");
        assertThat(next.get("IsTruncated").asBoolean()).isFalse();
        // StartAfter before the prefix does not widen it.
        assertThat(keys(list(obj().put("Prefix", "outbox/").put("StartAfter", "a")))).containsExactly("outbox/4.eml",
                "outbox/5.eml");
    }

    @Test
    void maxKeysZeroAndBadParameters() {
        ObjectNode none = list(obj().put("MaxKeys", 0));
        assertThat(keys(none)).isEmpty();
        assertThat(none.get("IsTruncated").asBoolean()).isFalse();
        h.assertError(S3Errors.INVALID_ARGUMENT, "ListObjectsV2", obj().put("Bucket", "bkt").put("MaxKeys", -1));
        h.assertError(S3Errors.INVALID_ARGUMENT, "ListObjectsV2", obj().put("Bucket", "bkt").put("EncodingType", "gzip"));
        h.assertError(S3Errors.INVALID_ARGUMENT, "ListObjectsV2",
                obj().put("Bucket", "bkt").put("ContinuationToken", "!!not-a-token"));
        // MaxKeys above 1000 is echoed but pages stay at 1000.
        assertThat(list(obj().put("MaxKeys", 5000)).get("MaxKeys").asInt()).isEqualTo(5000);
    }

    @Test
    void aPageNeverHoldsMoreThanAThousand() {
        for (int i = 0; i < 1005; i++) {
            h.put("bkt", String.format("many/%04d", i), "");
        }
        ObjectNode out = list(obj().put("Prefix", "many/").put("MaxKeys", 5000));
        assertThat(out.get("KeyCount").asInt()).isEqualTo(1000);
        assertThat(out.get("IsTruncated").asBoolean()).isTrue();
        ObjectNode rest = list(obj().put("Prefix", "many/").put("ContinuationToken", out.get("NextContinuationToken").asText()));
        assertThat(keys(rest)).containsExactly("many/1000", "many/1001", "many/1002", "many/1003", "many/1004");
    }

    @Test
    void keysSortByUtf8BytesNotUtf16Units() {
        h.createBucket("utf");
        // U+FF21 (EF BC A1 in UTF-8) sorts before U+1F600 (F0 9F 98 80), though its UTF-16 unit is higher.
        h.put("utf", "\uD83D\uDE00", "");
        h.put("utf", "\uFF21", "");
        h.put("utf", "~", "");
        ObjectNode out = h.call("ListObjectsV2", obj().put("Bucket", "utf"));
        assertThat(keys(out)).containsExactly("~", "\uFF21", "\uD83D\uDE00");
    }

    @Test
    void urlEncodingOfKeysAndPrefixes() {
        h.put("bkt", "inbox/with space+plus&é.eml", "");
        ObjectNode out = list(obj().put("Prefix", "inbox/with").put("EncodingType", "url"));
        assertThat(keys(out)).containsExactly("inbox/with+space%2Bplus%26%C3%A9.eml");
        assertThat(out.get("Prefix").asText()).isEqualTo("inbox/with");
        assertThat(out.get("EncodingType").asText()).isEqualTo("url");
        ObjectNode rolled = list(obj().put("Delimiter", " ").put("Prefix", "inbox/").put("EncodingType", "url"));
        assertThat(prefixes(rolled)).containsExactly("inbox/with+");
    }

    @Test
    void listObjectsV1UsesMarkers() {
        ObjectNode page = h.call("ListObjects", obj().put("Bucket", "bkt").put("MaxKeys", 3));
        assertThat(keys(page)).containsExactly("a.txt", "inbox/1.eml", "inbox/2.eml");
        assertThat(page.get("IsTruncated").asBoolean()).isTrue();
        assertThat(page.has("NextMarker")).isFalse();
        assertThat(page.get("Marker").asText()).isEmpty();
        assertThat(page.at("/Contents/0/Owner/ID").asText()).hasSize(64);
        ObjectNode next = h.call("ListObjects", obj().put("Bucket", "bkt").put("Marker", "inbox/2.eml"));
        assertThat(keys(next)).startsWith("inbox/spam/3.eml");

        ObjectNode delimited = h.call("ListObjects", obj().put("Bucket", "bkt").put("Delimiter", "/").put("MaxKeys", 2));
        assertThat(keys(delimited)).containsExactly("a.txt");
        assertThat(prefixes(delimited)).containsExactly("inbox/");
        assertThat(delimited.get("NextMarker").asText()).isEqualTo("inbox/");
        ObjectNode after = h.call("ListObjects", obj().put("Bucket", "bkt").put("Delimiter", "/").put("Marker", "inbox/"));
        // The marker ends the common prefix it names: the next page goes on after it.
        assertThat(prefixes(after)).containsExactly("outbox/");
        assertThat(keys(after)).containsExactly("z.txt");
        // So does a StartAfter inside a common prefix.
        ObjectNode inside = list(obj().put("Delimiter", "/").put("StartAfter", "inbox/1.eml"));
        assertThat(prefixes(inside)).containsExactly("outbox/");
    }

    @Test
    void anEmptyDelimiterIsNoneAndIsNotEchoed() {
        for (String op : new String[] {"ListObjects", "ListObjectsV2"}) {
            ObjectNode out = h.call(op, obj().put("Bucket", "bkt").put("Delimiter", "").put("Prefix", "inbox/"));
            assertThat(keys(out)).as(op).containsExactly("inbox/1.eml", "inbox/2.eml", "inbox/spam/3.eml");
            assertThat(out.has("Delimiter")).as(op).isFalse();
            assertThat(out.has("CommonPrefixes")).as(op).isFalse();
        }
        // ...so a v1 page without a delimiter names no NextMarker.
        ObjectNode page = h.call("ListObjects", obj().put("Bucket", "bkt").put("Delimiter", "").put("MaxKeys", 1));
        assertThat(page.get("IsTruncated").asBoolean()).isTrue();
        assertThat(page.has("NextMarker")).isFalse();
    }

    @Test
    void startAfterIsEchoedOnlyWithoutAContinuationToken() {
        ObjectNode first = list(obj().put("StartAfter", "a.txt").put("MaxKeys", 1));
        assertThat(first.get("StartAfter").asText()).isEqualTo("a.txt");
        ObjectNode next = list(obj().put("StartAfter", "a.txt").put("MaxKeys", 1)
                .put("ContinuationToken", first.get("NextContinuationToken").asText()));
        assertThat(keys(next)).containsExactly("inbox/2.eml");
        assertThat(next.has("StartAfter")).isFalse();
        assertThat(next.get("ContinuationToken").asText()).isEqualTo(first.get("NextContinuationToken").asText());
    }

    @Test
    void refusedArgumentsAreNamedInTheError() {
        for (String op : new String[] {"ListObjects", "ListObjectsV2", "ListMultipartUploads"}) {
            for (String bad : new String[] {"gzip", ""}) {
                var e = h.error(op, obj().put("Bucket", "bkt").put("EncodingType", bad));
                assertThat(e.error()).isEqualTo(S3Errors.INVALID_ARGUMENT);
                assertThat(e.getMessage()).isEqualTo("Invalid Encoding Method specified in Request");
                assertThat(e.details()).containsEntry("ArgumentName", "encoding-type").containsEntry("ArgumentValue", bad);
            }
        }
        for (String token : new String[] {"", "!!not-a-token"}) {
            var e = h.error("ListObjectsV2", obj().put("Bucket", "bkt").put("ContinuationToken", token));
            assertThat(e.getMessage()).isEqualTo("The continuation token provided is incorrect");
            assertThat(e.details()).containsEntry("ArgumentName", "continuation-token");
        }
    }
}
