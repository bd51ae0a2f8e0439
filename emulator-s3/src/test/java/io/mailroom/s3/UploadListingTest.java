package io.mailroom.s3;

import static io.mailroom.s3.S3Harness.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ListMultipartUploads' and ListParts' markers and echoes, as S3 answers them. */
class UploadListingTest {
    private final S3Harness h = new S3Harness();

    @BeforeEach
    void bucket() {
        h.createBucket("uploads");
    }

    private String create(String key) {
        return h.call("CreateMultipartUpload", obj().put("Bucket", "uploads").put("Key", key)).get("UploadId").asText();
    }

    private ObjectNode list(ObjectNode params) {
        return h.call("ListMultipartUploads", params.put("Bucket", "uploads"));
    }

    @Test
    void nextMarkersAreAlwaysThereAndNameTheLastUploadListed() {
        ObjectNode empty = list(obj());
        assertThat(empty.get("NextKeyMarker").asText()).isEmpty();
        assertThat(empty.get("NextUploadIdMarker").asText()).isEmpty();
        assertThat(empty.has("Prefix")).isFalse();

        String a = create("a");
        create("dir/x");
        ObjectNode page = list(obj().put("Delimiter", "/"));
        assertThat(page.get("NextKeyMarker").asText()).isEqualTo("a");
        assertThat(page.get("NextUploadIdMarker").asText()).isEqualTo(a);
        // A page of common prefixes only names no upload.
        ObjectNode rolled = list(obj().put("Delimiter", "/").put("Prefix", "dir").put("MaxUploads", 1));
        assertThat(rolled.get("CommonPrefixes").get(0).get("Prefix").asText()).isEqualTo("dir/");
        assertThat(rolled.get("NextKeyMarker").asText()).isEmpty();
        assertThat(rolled.get("NextUploadIdMarker").asText()).isEmpty();
        assertThat(rolled.get("Prefix").asText()).isEqualTo("dir");
    }

    @Test
    void truncatedPagesEndingOnACommonPrefixPageOnPastIt() {
        String a = create("a");
        create("dir/x");
        create("dir/y");
        create("etc/z");
        String last = create("z");

        ObjectNode first = list(obj().put("Delimiter", "/").put("MaxUploads", 2));
        assertThat(first.get("IsTruncated").asBoolean()).isTrue();
        assertThat(first.get("NextKeyMarker").asText()).isEqualTo("dir/");
        assertThat(first.get("NextUploadIdMarker").asText()).isEmpty();
        ObjectNode second = list(obj().put("Delimiter", "/").put("MaxUploads", 1).put("KeyMarker", "dir/"));
        assertThat(second.get("CommonPrefixes").get(0).get("Prefix").asText()).isEqualTo("etc/");
        assertThat(second.get("NextKeyMarker").asText()).isEqualTo("etc/");
        ObjectNode third = list(obj().put("Delimiter", "/").put("MaxUploads", 1).put("KeyMarker", "etc/"));
        assertThat(third.get("Uploads").get(0).get("UploadId").asText()).isEqualTo(last);
        assertThat(third.get("IsTruncated").asBoolean()).isFalse();
        assertThat(a).isNotEqualTo(last);
    }

    @Test
    void anUploadIdMarkerOfAnotherKeysUploadIsRefused() {
        create("a");
        String b = create("b");
        var e = h.error("ListMultipartUploads", obj().put("Bucket", "uploads").put("KeyMarker", "a").put("UploadIdMarker", b));
        assertThat(e.error()).isEqualTo(S3Errors.INVALID_ARGUMENT);
        assertThat(e.getMessage()).isEqualTo("Invalid uploadId marker");
        assertThat(e.details()).containsEntry("ArgumentName", "upload-id-marker").containsEntry("ArgumentValue", b);
        // Without a key marker, the upload-id marker is ignored.
        assertThat(list(obj().put("UploadIdMarker", b)).get("Uploads")).hasSize(2);
    }

    @Test
    void listPartsNamesPartZeroWhenItListsNone() {
        String id = create("k");
        ObjectNode none = h.call("ListParts", obj().put("Bucket", "uploads").put("Key", "k").put("UploadId", id));
        assertThat(none.get("NextPartNumberMarker").asInt()).isZero();
        assertThat(none.has("NextPartNumberMarker")).isTrue();
        assertThat(none.has("Parts")).isFalse();
    }
}
