package io.mailroom.s3.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.request.RequestContext;
import io.mailroom.core.time.Clock;
import io.mailroom.s3.S3Errors;
import io.mailroom.s3.bucket.Bucket;
import io.mailroom.s3.bucket.BucketRegistry;
import io.mailroom.s3.notification.S3Event;
import io.mailroom.s3.post.PostForm;
import io.mailroom.s3.post.PostPolicy;
import io.mailroom.s3.tag.TagSet;
import io.mailroom.core.error.AwsException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * POST Object, the browser-based upload (https://docs.aws.amazon.com/AmazonS3/latest/API/RESTObjectPOST.html):
 * an HTML form whose fields say what PutObject's headers would, signed by a policy that limits what the form may
 * carry. It is outside the SDK models, so the front end hands over the decoded form:
 * <ul>
 *   <li>{@code Bucket}; {@code Fields}, the fields before the file by lower-case name (S3 ignores those after it);
 *   <li>{@code FileCount}, {@code FileName} and {@code Body}, the file part(s);
 *   <li>{@code Put}, the PutObject members bound from the fields as from headers; {@code Tagging}, the
 *       {@code tagging} field's XML document read as PutObjectTagging's.
 * </ul>
 * The answer has {@code Bucket}, {@code Key}, {@code ETag}, {@code Location} (the object's URL) and
 * {@link Output#STATUS}; a redirect adds {@code Redirect}.
 */
public final class PostObjectOperations {
    private static final String ORDER_HINT = "  If it is specified, please check the order of the fields.";
    private static final List<String> SIGNATURE_V4_FIELDS = List.of("x-amz-algorithm", "x-amz-credential", "x-amz-date",
            "x-amz-signature");

    private final BucketRegistry registry;
    private final Clock clock;
    private final ObjectOperations objects;

    public PostObjectOperations(BucketRegistry registry, Clock clock, ObjectOperations objects) {
        this.registry = registry;
        this.clock = clock;
        this.objects = objects;
    }

    public ObjectNode postObject(RequestContext ctx, ObjectNode in) {
        String bucketName = Input.required(in, "Bucket");
        Bucket bucket = registry.find(bucketName).orElseThrow(() -> S3Errors.NO_SUCH_BUCKET
                .exception("The specified bucket does not exist").with("BucketName", bucketName));
        Map<String, String> fields = Input.stringMap(in, "Fields");
        String key = fields.get("key");
        if (key == null || key.isEmpty()) {
            throw missingField("key");
        }
        int files = Input.integer(in, "FileCount", 0);
        if (files != 1) {
            throw S3Errors.INVALID_ARGUMENT.exception("POST requires exactly one file upload per request.")
                    .with("ArgumentName", "file").with("ArgumentValue", Integer.toString(files));
        }
        String fileName = Input.text(in, "FileName");
        key = key.replace("${filename}", fileName == null ? "" : fileName);
        byte[] body = Input.body(in, "Body");
        String policy = fields.get("policy");
        if (policy != null) {
            requireSignature(fields);
            PostPolicy.decode(policy).check(clock.millis(), new PostForm(bucket.name(), key, fields, body.length));
        }
        ObjectNode put = Input.object(in, "Put") == null ? Output.object() : Input.object(in, "Put").deepCopy();
        put.put("Bucket", bucket.name()).put("Key", key).set("Body", in.get("Body"));
        JsonNode tagging = in.get("Tagging");
        TagSet tags = tagging == null || tagging.isNull() ? TagSet.NONE : TagSet.forObject(tagging);
        // The form is the signer's, whoever sends it: a browser's post carries no credentials of its own.
        RequestContext owner = new RequestContext(bucket.owner().accountId(), bucket.region(), ctx.requestId(),
                ctx.endpoint(), ctx.traceHeader());
        ObjectNode stored = objects.put(owner, put, S3Event.OBJECT_CREATED_POST, tags);
        String etag = stored.get("ETag").asText();
        ObjectNode out = Output.object();
        out.put("Bucket", bucket.name());
        out.put("Key", key);
        out.put("ETag", etag);
        out.put("Location", ctx.endpoint() + "/" + bucket.name() + "/" + encode(key));
        String redirect = redirect(fields);
        if (redirect != null) {
            out.put(Output.STATUS, 303);
            out.put("Redirect", redirect + (redirect.contains("?") ? "&" : "?") + "bucket=" + encode(bucket.name())
                    + "&key=" + encode(key) + "&etag=" + encode(etag));
        } else {
            out.put(Output.STATUS, successStatus(fields.get("success_action_status")));
        }
        return out;
    }

    /** A policy is signed: with signature version 4 fields or with version 2's, all of one set. */
    private static void requireSignature(Map<String, String> fields) {
        boolean v4 = SIGNATURE_V4_FIELDS.stream().anyMatch(fields::containsKey);
        if (v4) {
            for (String field : SIGNATURE_V4_FIELDS) {
                if (!fields.containsKey(field)) {
                    throw missingField(field);
                }
            }
            return;
        }
        if (!fields.containsKey("awsaccesskeyid")) {
            throw missingField("AWSAccessKeyId");
        }
        if (!fields.containsKey("signature")) {
            throw missingField("Signature");
        }
    }

    /** {@code success_action_redirect} (or the older {@code redirect}) when it is a URL S3 can send a browser to. */
    private static String redirect(Map<String, String> fields) {
        String url = fields.getOrDefault("success_action_redirect", fields.get("redirect"));
        if (url == null || url.isEmpty()) {
            return null;
        }
        try {
            URI uri = new URI(url);
            return uri.isAbsolute() && uri.getHost() != null ? url : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** 200 and 201 as asked; anything else, or nothing, is 204 (201 also answers an XML document). */
    private static int successStatus(String asked) {
        return "200".equals(asked) || "201".equals(asked) ? Integer.parseInt(asked) : 204;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static AwsException missingField(String name) {
        return S3Errors.INVALID_ARGUMENT.exception("Bucket POST must contain a field named '%s'.%s", name, ORDER_HINT)
                .with("ArgumentName", name).with("ArgumentValue", "");
    }
}
