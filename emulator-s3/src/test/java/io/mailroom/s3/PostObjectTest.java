package io.mailroom.s3;

import static io.mailroom.s3.S3Harness.bytes;
import static io.mailroom.s3.S3Harness.json;
import static io.mailroom.s3.S3Harness.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.error.AwsException;
import io.mailroom.core.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POST Object, the browser-based upload, as the front end hands over its decoded form. */
class PostObjectTest {
    private static final String QUEUE = "arn:aws:sqs:us-east-1:000000000000:uploads";
    /** An hour after the harness's start. */
    private static final String LATER = "2024-05-01T11:00:00Z";
    private final S3Harness h = new S3Harness();

    @BeforeEach
    void setUp() {
        h.createBucket("forms");
    }

    private static ObjectNode form(Map<String, String> fields, String fileName, String file) {
        ObjectNode in = obj().put("Bucket", "forms").put("FileCount", 1).put("Body", bytes(file));
        if (fileName != null) {
            in.put("FileName", fileName);
        }
        ObjectNode f = in.putObject("Fields");
        fields.forEach(f::put);
        return in;
    }

    private static Map<String, String> fields(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    /** A signature version 4 form with this policy document (single quotes for double). */
    private static Map<String, String> signed(String policy, String... more) {
        Map<String, String> m = fields("x-amz-algorithm", "AWS4-HMAC-SHA256",
                "x-amz-credential", "test/20240501/us-east-1/s3/aws4_request", "x-amz-date", "20240501T100000Z",
                "x-amz-signature", "0123", "policy",
                Base64.getEncoder().encodeToString(policy.replace('\'', '"').getBytes(StandardCharsets.UTF_8)));
        m.putAll(fields(more));
        return m;
    }

    /** A policy with these conditions and the signature's, which S3 requires to be listed like any field. */
    private static String policy(String conditions) {
        return "{'expiration': '" + LATER + "', 'conditions': [" + conditions + ", {'x-amz-algorithm': 'AWS4-HMAC-SHA256'},"
                + " {'x-amz-credential': 'test/20240501/us-east-1/s3/aws4_request'}, {'x-amz-date': '20240501T100000Z'}]}";
    }

    private void assertRefused(ErrorCode code, String message, ObjectNode in) {
        AwsException e = h.error("PostObject", in);
        assertThat(e.error()).isEqualTo(code);
        assertThat(e.getMessage()).isEqualTo(message);
    }

    @Test
    void storesTheFileWithTheFieldsThatPutObjectTakesAsHeaders() {
        ObjectNode in = form(fields("key", "uploads/${filename}"), "photo 1.txt", "hello");
        in.putObject("Put").put("ContentType", "text/plain").putObject("Metadata").put("who", "me");

        ObjectNode out = h.call("PostObject", in);

        assertThat(out.get("__status").asInt()).isEqualTo(204);
        assertThat(out.get("Key").asText()).isEqualTo("uploads/photo 1.txt");
        assertThat(out.get("ETag").asText()).isEqualTo("\"5d41402abc4b2a76b9719d911017c592\"");
        assertThat(out.get("Location").asText()).isEqualTo("http://localhost:4566/forms/uploads%2Fphoto%201.txt");
        ObjectNode stored = h.get("forms", "uploads/photo 1.txt");
        assertThat(S3Harness.body(stored)).isEqualTo("hello");
        assertThat(stored.get("ContentType").asText()).isEqualTo("text/plain");
        assertThat(stored.get("Metadata").get("who").asText()).isEqualTo("me");
    }

    @Test
    void theTaggingFieldTagsTheObject() {
        ObjectNode in = form(fields("key", "tagged"), null, "x");
        in.set("Tagging", json("{'TagSet': [{'Key': 'team', 'Value': 'a b'}, {'Key': 'x', 'Value': '1+2'}]}"));

        h.call("PostObject", in);

        assertThat(h.call("GetObjectTagging", obj().put("Bucket", "forms").put("Key", "tagged")).get("TagSet"))
                .isEqualTo(json("{'t': [{'Key': 'team', 'Value': 'a b'}, {'Key': 'x', 'Value': '1+2'}]}").get("t"));
    }

    @Test
    void successActionStatusAndRedirectChooseTheAnswer() {
        assertThat(h.call("PostObject", form(fields("key", "a", "success_action_status", "201"), null, "x"))
                .get("__status").asInt()).isEqualTo(201);
        assertThat(h.call("PostObject", form(fields("key", "a", "success_action_status", "200"), null, "x"))
                .get("__status").asInt()).isEqualTo(200);
        assertThat(h.call("PostObject", form(fields("key", "a", "success_action_status", "404"), null, "x"))
                .get("__status").asInt()).isEqualTo(204);

        ObjectNode redirected = h.call("PostObject", form(fields("key", "a/b", "success_action_redirect",
                "https://app.example.com/done?step=2", "success_action_status", "201"), null, "x"));

        assertThat(redirected.get("__status").asInt()).isEqualTo(303);
        assertThat(redirected.get("Redirect").asText()).isEqualTo(
                "https://app.example.com/done?step=2&bucket=forms&key=a%2Fb&etag=%229dd4e461268c8034f5c8564e155c67a6%22");
        assertThat(h.call("PostObject", form(fields("key", "a", "redirect", "not a url"), null, "x"))
                .get("__status").asInt()).isEqualTo(204);
    }

    @Test
    void raisesObjectCreatedPostEvents() {
        h.queues.existing.add(QUEUE);
        ObjectNode config = obj().put("Bucket", "forms");
        config.set("NotificationConfiguration", json("{'QueueConfigurations': [{'QueueArn': '" + QUEUE
                + "', 'Events': ['s3:ObjectCreated:Post']}]}"));
        h.call("PutBucketNotificationConfiguration", config);
        h.queues.sent.clear();

        h.call("PostObject", form(fields("key", "posted"), null, "x"));
        h.put("forms", "put", "y");

        assertThat(h.queues.bodies(QUEUE)).extracting(e -> e.at("/Records/0/eventName").asText()
                + " " + e.at("/Records/0/s3/object/key").asText()).containsExactly("ObjectCreated:Post posted");
    }

    @Test
    void aFormNeedsAKeyAndExactlyOneFile() {
        assertRefused(S3Errors.INVALID_ARGUMENT, "Bucket POST must contain a field named 'key'.  If it is specified,"
                + " please check the order of the fields.", form(fields(), null, "x"));
        assertRefused(S3Errors.INVALID_ARGUMENT, "POST requires exactly one file upload per request.",
                form(fields("key", "k"), null, "x").put("FileCount", 0));
        assertRefused(S3Errors.INVALID_ARGUMENT, "POST requires exactly one file upload per request.",
                form(fields("key", "k"), null, "x").put("FileCount", 2));
        assertRefused(S3Errors.NO_SUCH_BUCKET, "The specified bucket does not exist",
                form(fields("key", "k"), null, "x").put("Bucket", "elsewhere"));
    }

    @Test
    void aPolicyMustBeSigned() {
        Map<String, String> v4 = signed(policy("{'bucket': 'forms'}, ['starts-with', '$key', '']"), "key", "k");
        v4.remove("x-amz-date");
        assertRefused(S3Errors.INVALID_ARGUMENT, "Bucket POST must contain a field named 'x-amz-date'.  If it is"
                + " specified, please check the order of the fields.", form(v4, null, "x"));

        Map<String, String> v2 = fields("key", "k", "policy", "e30=", "AWSAccessKeyId", "test");
        assertRefused(S3Errors.INVALID_ARGUMENT, "Bucket POST must contain a field named 'Signature'.  If it is"
                + " specified, please check the order of the fields.", form(lowerCase(v2), null, "x"));
    }

    private static Map<String, String> lowerCase(Map<String, String> m) {
        Map<String, String> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k.toLowerCase(), v));
        return out;
    }

    @Test
    void aFormThatMeetsItsPolicyIsStored() {
        ObjectNode in = form(signed(policy("{'bucket': 'forms'}, ['starts-with', '$key', 'user/'],"
                + " ['eq', '$Content-Type', 'text/plain'], ['content-length-range', 1, 5], {'x-amz-meta-who': 'me'}"),
                "key", "user/a", "content-type", "text/plain", "x-amz-meta-who", "me", "x-ignore-note", "free"), null,
                "hello");

        assertThat(h.call("PostObject", in).get("Key").asText()).isEqualTo("user/a");
    }

    @Test
    void aFormThatBreaksItsPolicyIsRefusedAsS3Does() {
        String conditions = "{'bucket': 'forms'}, ['starts-with', '$key', 'user/'], ['content-length-range', 2, 5]";
        assertRefused(S3Errors.ACCESS_DENIED, "Invalid according to Policy: Policy Condition failed:"
                + " [\"starts-with\", \"$key\", \"user/\"]", form(signed(policy(conditions), "key", "other/a"), null, "abc"));
        assertRefused(S3Errors.ENTITY_TOO_LARGE, "Your proposed upload exceeds the maximum allowed size",
                form(signed(policy(conditions), "key", "user/a"), null, "abcdef"));
        assertRefused(S3Errors.ENTITY_TOO_SMALL, "Your proposed upload is smaller than the minimum allowed size",
                form(signed(policy(conditions), "key", "user/a"), null, "a"));
        assertRefused(S3Errors.ACCESS_DENIED, "Invalid according to Policy: Extra input fields: acl",
                form(signed(policy(conditions), "key", "user/a", "acl", "public-read"), null, "abc"));
        assertRefused(S3Errors.ACCESS_DENIED, "Invalid according to Policy: Policy Condition failed:"
                + " [\"eq\", \"$bucket\", \"other\"]", form(signed(policy("{'bucket': 'other'}"), "key", "k"), null, "abc"));
        assertThat(h.call("ListObjectsV2", obj().put("Bucket", "forms")).path("KeyCount").asInt()).isZero();
    }

    @Test
    void anExpiredPolicyIsRefusedOnTheServerClock() {
        ObjectNode in = form(signed(policy("['starts-with', '$key', '']"), "key", "k"), null, "abc");
        h.call("PostObject", in);

        h.advanceSeconds(3601);

        assertRefused(S3Errors.ACCESS_DENIED, "Invalid according to Policy: Policy expired.", in);
    }

    @Test
    void refusalsNameWhatWasRefused() {
        String conditions = "['starts-with', '$key', ''], ['content-length-range', 2, 5]";
        assertThat(h.error("PostObject", form(signed(policy(conditions), "key", "k"), null, "abcdef")).details())
                .containsExactly(Map.entry("ProposedSize", "6"), Map.entry("MaxSizeAllowed", "5"));
        assertThat(h.error("PostObject", form(signed(policy(conditions), "key", "k"), null, "a")).details())
                .containsExactly(Map.entry("ProposedSize", "1"), Map.entry("MinSizeAllowed", "2"));
        assertThat(h.error("PostObject", form(fields("key", "k"), null, "x").put("FileCount", 2)).details())
                .containsExactly(Map.entry("ArgumentName", "file"), Map.entry("ArgumentValue", "2"));
        assertThat(h.error("PostObject", form(fields(), null, "x")).details())
                .containsExactly(Map.entry("ArgumentName", "key"), Map.entry("ArgumentValue", ""));
    }

    @Test
    void aPolicyThatIsNoPolicyDocumentIsInvalid() {
        assertRefused(S3Errors.INVALID_POLICY_DOCUMENT, "Invalid Policy: Invalid JSON.",
                form(signed("not json", "key", "k"), null, "x"));
        assertRefused(S3Errors.INVALID_POLICY_DOCUMENT, "Invalid Policy: Policy missing expiration.",
                form(signed("{'conditions': []}", "key", "k"), null, "x"));
        assertRefused(S3Errors.INVALID_POLICY_DOCUMENT, "Invalid Policy: Policy missing conditions.",
                form(signed("{'expiration': '" + LATER + "'}", "key", "k"), null, "x"));
        assertRefused(S3Errors.INVALID_POLICY_DOCUMENT, "Invalid Policy: Invalid 'conditions' value: must be a List.",
                form(signed("{'expiration': '" + LATER + "', 'conditions': {}}", "key", "k"), null, "x"));
        assertRefused(S3Errors.INVALID_POLICY_DOCUMENT, "Invalid Policy: Invalid 'expiration' value: 'soon'",
                form(signed("{'expiration': 'soon', 'conditions': []}", "key", "k"), null, "x"));
        assertRefused(S3Errors.INVALID_POLICY_DOCUMENT, "Invalid Policy: Invalid Simple-Condition: Simple-Conditions"
                + " must have exactly one property specified.", form(signed(policy("{}"), "key", "k"), null, "x"));
        assertThat(h.error("PostObject", form(signed(policy("['ne', '$key', 'a']"), "key", "k"), null, "x")).error())
                .isEqualTo(S3Errors.INVALID_POLICY_DOCUMENT);
    }
}
