package io.mailroom.it;

import static io.mailroom.it.S3Clients.S3;
import static io.mailroom.it.S3Clients.createBucket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * POST Object, the browser-based upload: an HTML form posted without SDK, its policy checked, its answer S3's.
 * boto3's {@code generate_presigned_post} prepares such forms for web applications.
 */
class S3PostObjectIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String BOUNDARY = "----mailroom-form-7d1";

    /** A multipart form with these fields, in order, then the file. */
    private static HttpResponse<String> post(String bucket, Map<String, String> fields, String fileName, String file)
            throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> f : fields.entrySet()) {
            body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
                    + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + file + "\r\n--" + BOUNDARY + "--\r\n")
                .getBytes(StandardCharsets.UTF_8));
        return HTTP.send(HttpRequest.newBuilder(URI.create(TestServer.endpoint() + "/" + bucket))
                        .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aFormUploadStoresTheObjectWithItsFields() throws Exception {
        String bucket = createBucket("s3post");

        HttpResponse<String> r = post(bucket, new java.util.LinkedHashMap<>(Map.of("key", "in/${filename}",
                "Content-Type", "text/plain", "x-amz-meta-origin", "form")), "notes.txt", "hello form");

        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(r.headers().firstValue("Location")).hasValue(TestServer.endpoint() + "/" + bucket + "/in%2Fnotes.txt");
        ResponseBytes<GetObjectResponse> stored = S3.getObjectAsBytes(b -> b.bucket(bucket).key("in/notes.txt"));
        assertThat(stored.asUtf8String()).isEqualTo("hello form");
        assertThat(stored.response().contentType()).isEqualTo("text/plain");
        assertThat(stored.response().metadata()).containsEntry("origin", "form");
        assertThat(r.headers().firstValue("ETag")).hasValue(stored.response().eTag());
    }

    @Test
    void successActionStatus201AnswersAPostResponseDocument() throws Exception {
        String bucket = createBucket("s3post");

        HttpResponse<String> r = post(bucket, new java.util.LinkedHashMap<>(Map.of("key", "a b.txt",
                "success_action_status", "201")), "x", "abc");

        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.body()).isEqualTo("<?xml version='1.0' encoding='UTF-8'?><PostResponse><Location>"
                + TestServer.endpoint() + "/" + bucket + "/a%20b.txt</Location><Bucket>" + bucket
                + "</Bucket><Key>a b.txt</Key><ETag>\"900150983cd24fb0d6963f7d28e17f72\"</ETag></PostResponse>");
    }

    @Test
    void formErrorsAreS3Errors() throws Exception {
        String bucket = createBucket("s3post");

        HttpResponse<String> noKey = post(bucket, Map.of("Content-Type", "text/plain"), "x", "abc");
        assertThat(noKey.statusCode()).isEqualTo(400);
        assertThat(noKey.body()).contains("<Code>InvalidArgument</Code>")
                .contains("<Message>Bucket POST must contain a field named 'key'.  If it is specified, please check the order of the fields.</Message>");

        HttpResponse<String> noBucket = post(bucket + "-none", Map.of("key", "k"), "x", "abc");
        assertThat(noBucket.statusCode()).isEqualTo(404);
        assertThat(noBucket.body()).contains("<Code>NoSuchBucket</Code>");

        HttpResponse<String> garbage = HTTP.send(HttpRequest.newBuilder(URI.create(TestServer.endpoint() + "/" + bucket))
                        .header("Content-Type", "multipart/form-data; boundary=zz")
                        .POST(HttpRequest.BodyPublishers.ofString("not a form")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(garbage.body()).contains("<Code>MalformedPOSTRequest</Code>");
        HttpResponse<String> noBoundary = HTTP.send(HttpRequest.newBuilder(URI.create(TestServer.endpoint() + "/" + bucket))
                        .header("Content-Type", "multipart/form-data")
                        .POST(HttpRequest.BodyPublishers.ofString("x")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(noBoundary.statusCode()).isEqualTo(400);
        assertThat(noBoundary.body()).contains("<Code>MalformedPOSTRequest</Code>");

        HttpResponse<String> big = post(bucket, Map.of("key", "k", "x-ignore-pad", "p".repeat(21 * 1024)), "x", "abc");
        assertThat(big.statusCode()).isEqualTo(400);
        assertThat(big.body()).contains("<Code>MaxPostPreDataLengthExceededError</Code>");
    }

    @Test
    void boto3PresignedPostFormsAreCheckedAgainstTheirPolicy() throws Exception {
        assumeTrue(LocalTools.runs("python3", "-c", "import boto3, requests"), "python3 with boto3 and requests is not installed");
        String bucket = createBucket("s3post");
        String script = """
                import boto3, requests
                from botocore.config import Config
                s3 = boto3.client("s3", endpoint_url="%s", region_name="us-east-1", aws_access_key_id="test",
                                  aws_secret_access_key="test", config=Config(signature_version="s3v4"))
                post = s3.generate_presigned_post("%s", "avatars/${filename}", Fields={"Content-Type": "image/png"},
                    Conditions=[{"Content-Type": "image/png"}, ["content-length-range", 1, 8]], ExpiresIn=600)
                ok = requests.post(post["url"], data=post["fields"], files={"file": ("me.png", b"png!")})
                large = requests.post(post["url"], data=post["fields"], files={"file": ("me.png", b"0123456789")})
                other = dict(post["fields"], **{"Content-Type": "text/html"})
                wrong_type = requests.post(post["url"], data=other, files={"file": ("me.png", b"png!")})
                print(ok.status_code, large.status_code, wrong_type.status_code)
                print(wrong_type.text)
                """.formatted(TestServer.endpoint(), bucket);
        String output = LocalTools.python(script);

        assertThat(output).startsWith("204 400 403").contains(
                "Invalid according to Policy: Policy Condition failed: [\"eq\", \"$content-type\", \"image/png\"]");
        assertThat(S3.getObjectAsBytes(b -> b.bucket(bucket).key("avatars/me.png")).asUtf8String()).isEqualTo("png!");
    }
}
