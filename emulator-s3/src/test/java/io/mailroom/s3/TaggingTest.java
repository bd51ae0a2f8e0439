package io.mailroom.s3;

import static io.mailroom.s3.S3Harness.bytes;
import static io.mailroom.s3.S3Harness.json;
import static io.mailroom.s3.S3Harness.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.error.AwsException;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TaggingTest {
    private static final String QUEUE = "arn:aws:sqs:us-east-1:000000000000:tags";
    private final S3Harness h = new S3Harness();

    @BeforeEach
    void bucket() {
        h.createBucket("tagged");
    }

    private ObjectNode key(String key) {
        return obj().put("Bucket", "tagged").put("Key", key);
    }

    private JsonNode tagSet(String key) {
        return h.call("GetObjectTagging", key(key)).get("TagSet");
    }

    private static ObjectNode tagging(ObjectNode in, String... keysAndValues) {
        ArrayNode set = in.putObject("Tagging").putArray("TagSet");
        for (int i = 0; i < keysAndValues.length; i += 2) {
            set.addObject().put("Key", keysAndValues[i]).put("Value", keysAndValues[i + 1]);
        }
        return in;
    }

    @Test
    void putObjectTakesTagsFromItsHeaderAndGetCountsThem() {
        h.call("PutObject", key("mail.eml").put("Body", bytes("hi")).put("Tagging", "state=new&from%20addr=a%40b.example&empty="));
        assertThat(tagSet("mail.eml")).isEqualTo(json("{'a':[{'Key':'state','Value':'new'},"
                + "{'Key':'from addr','Value':'a@b.example'},{'Key':'empty','Value':''}]}").get("a"));
        assertThat(h.call("GetObject", key("mail.eml")).get("TagCount").asInt()).isEqualTo(3);
        assertThat(h.call("HeadObject", key("mail.eml")).get("TagCount").asInt()).isEqualTo(3);
        h.put("tagged", "plain", "x");
        assertThat(h.call("HeadObject", key("plain")).has("TagCount")).isFalse();
        assertThat(tagSet("plain")).isEmpty();
    }

    @Test
    void putObjectTaggingReplacesTheSetWithoutTouchingTheObject() {
        ObjectNode put = h.call("PutObject", key("k").put("Body", bytes("body")).put("Tagging", "a=1&b=2"));
        long modified = h.call("HeadObject", key("k")).get("LastModified").longValue();
        h.advanceSeconds(5);
        h.call("PutObjectTagging", tagging(key("k"), "c", "3"));
        assertThat(tagSet("k")).extracting(t -> t.get("Key").asText()).containsExactly("c");
        ObjectNode head = h.call("HeadObject", key("k"));
        assertThat(head.get("ETag")).isEqualTo(put.get("ETag"));
        assertThat(head.get("LastModified").longValue()).isEqualTo(modified);

        h.call("DeleteObjectTagging", key("k"));
        assertThat(tagSet("k")).isEmpty();
        assertThat(S3Harness.body(h.get("tagged", "k"))).isEqualTo("body");
        // A PUT replaces the object, tags included.
        h.call("PutObjectTagging", tagging(key("k"), "c", "3"));
        h.put("tagged", "k", "again");
        assertThat(tagSet("k")).isEmpty();
    }

    @Test
    void tagsAreHeldToS3sRules() {
        h.put("tagged", "k", "x");
        String[] eleven = new String[22];
        for (int i = 0; i < 11; i++) {
            eleven[2 * i] = "k" + i;
            eleven[2 * i + 1] = "v";
        }
        h.assertError(S3Errors.BAD_REQUEST, "PutObjectTagging", tagging(key("k"), eleven));
        h.assertError(S3Errors.INVALID_TAG, "PutObjectTagging", tagging(key("k"), "a", "1", "a", "2"));
        h.assertError(S3Errors.INVALID_TAG, "PutObjectTagging", tagging(key("k"), "x".repeat(129), "v"));
        h.assertError(S3Errors.INVALID_TAG, "PutObjectTagging", tagging(key("k"), "", "v"));
        h.assertError(S3Errors.INVALID_TAG, "PutObjectTagging", tagging(key("k"), "k", "v".repeat(257)));
        h.assertError(S3Errors.INVALID_TAG, "PutObjectTagging", tagging(key("k"), "aws:owner", "v"));
        h.assertError(S3Errors.INVALID_TAG, "PutObjectTagging", tagging(key("k"), "semi;colon", "v"));
        h.assertError(S3Errors.INVALID_TAG, "PutObject", key("k2").put("Body", bytes("x")).put("Tagging", "a=%3C"));
        h.assertError(S3Errors.NO_SUCH_KEY, "HeadObject", key("k2"));
        // The limits themselves are allowed, and Unicode letters.
        h.call("PutObjectTagging", tagging(key("k"), "k".repeat(128), "v".repeat(256), "caf\u00e9 +-=._:/@", "\u00fcber 1"));
        assertThat(tagSet("k")).hasSize(2);
        h.assertError(S3Errors.NO_SUCH_KEY, "PutObjectTagging", tagging(key("missing"), "a", "1"));
        h.assertError(S3Errors.NO_SUCH_KEY, "GetObjectTagging", key("missing"));
        h.assertError(S3Errors.NO_SUCH_KEY, "DeleteObjectTagging", key("missing"));
        h.assertError(S3Errors.INVALID_ARGUMENT, "GetObjectTagging", key("k").put("VersionId", "v2"));
    }

    @Test
    void copiesKeepOrReplaceTheSourceTags() {
        h.call("PutObject", key("src").put("Body", bytes("x")).put("Tagging", "a=1"));
        h.call("CopyObject", key("kept").put("CopySource", "tagged/src"));
        assertThat(tagSet("kept")).extracting(t -> t.get("Key").asText()).containsExactly("a");
        h.call("CopyObject", key("replaced").put("CopySource", "tagged/src").put("TaggingDirective", "REPLACE")
                .put("Tagging", "b=2"));
        assertThat(tagSet("replaced")).extracting(t -> t.get("Key").asText()).containsExactly("b");
    }

    @Test
    void multipartUploadsCarryTheirTagsToTheObject() {
        String id = h.call("CreateMultipartUpload", key("big").put("Tagging", "kind=archive")).get("UploadId").asText();
        String etag = h.call("UploadPart", key("big").put("UploadId", id).put("PartNumber", 1).put("Body", bytes("p")))
                .get("ETag").asText();
        ObjectNode complete = key("big").put("UploadId", id);
        complete.putObject("MultipartUpload").putArray("Parts").addObject().put("PartNumber", 1).put("ETag", etag);
        h.call("CompleteMultipartUpload", complete);
        assertThat(tagSet("big")).extracting(t -> t.get("Value").asText()).containsExactly("archive");
    }

    @Test
    void taggingRaisesTheObjectTaggingEvents() {
        h.queues.existing.add(QUEUE);
        h.call("PutBucketNotificationConfiguration", json("{'Bucket':'tagged','NotificationConfiguration':"
                + "{'QueueConfigurations':[{'QueueArn':'" + QUEUE + "','Events':['s3:ObjectTagging:*']}]}}"));
        h.queues.sent.clear();
        h.put("tagged", "k", "x");
        h.call("PutObjectTagging", tagging(key("k"), "a", "1"));
        h.call("DeleteObjectTagging", key("k"));
        assertThat(h.queues.sent).extracting(e -> eventName(e.getValue().body()))
                .containsExactly("ObjectTagging:Put", "ObjectTagging:Delete");
    }

    private static String eventName(String body) {
        try {
            return S3Harness.JSON.readTree(body).at("/Records/0/eventName").asText();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aTaggingHeaderThatIsNoListOfDistinctTagsIsABadHeader() {
        for (String header : new String[] {"key1=val1&key1=val2", "key1=val1,key2=val2"}) {
            AwsException e = h.error("PutObject", key("k").put("Body", bytes("")).put("Tagging", header));
            assertThat(e.error()).isEqualTo(S3Errors.INVALID_ARGUMENT);
            assertThat(e.getMessage()).isEqualTo("The header 'x-amz-tagging' shall be encoded as UTF-8 then URLEncoded"
                    + " URL query parameters without tag name duplicates.");
            assertThat(e.details()).containsExactly(Map.entry("ArgumentName", "x-amz-tagging"),
                    Map.entry("ArgumentValue", header));
        }
        h.assertError(S3Errors.NO_SUCH_KEY, "HeadObject", key("k"));
    }

    @Test
    void aTaggingWithoutTagSetClearsTheTags() {
        h.call("PutObject", key("k").put("Body", bytes("x")).put("Tagging", "a=1"));
        h.call("PutObjectTagging", key("k").set("Tagging", obj()));
        assertThat(tagSet("k")).isEmpty();
    }

    @Test
    void noSuchKeyNamesTheKeyAndGetObjectTaggingPrefixesTheBucket() {
        assertThat(h.error("GetObjectTagging", key("fake-key")).details()).containsEntry("Key", "tagged/fake-key");
        assertThat(h.error("PutObjectTagging", tagging(key("fake-key"))).details()).containsEntry("Key", "fake-key");
        assertThat(h.error("DeleteObjectTagging", key("fake-key")).details()).containsEntry("Key", "fake-key");
    }
}
