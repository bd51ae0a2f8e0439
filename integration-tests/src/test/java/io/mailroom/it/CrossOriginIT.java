package io.mailroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;

/**
 * A web page on another origin calling Mailroom as the AWS SDKs for JavaScript do from a browser, in
 * {@link HeadlessChromium}: SQS, SNS and SES are CORS-enabled (the preflight passes and the page reads the answer
 * and its request-id and error headers); S3 lets it by the bucket's CORS configuration, refusing a bucket without one.
 */
class CrossOriginIT {
    /**
     * Runs in the page: one fetch, answered as [status, x-amzn-RequestId, x-amzn-query-error, body, ETag] or the
     * failure.
     */
    private static final String FETCH = """
            const [url, init, done] = arguments;
            fetch(url, init)
                .then(async r => done([String(r.status), r.headers.get('x-amzn-RequestId'),
                        r.headers.get('x-amzn-query-error'), await r.text(), r.headers.get('ETag')]))
                .catch(e => done(['failed', String(e)]));
            """;

    private static HeadlessChromium chromium;
    private static HttpServer page;

    @BeforeAll
    static void openAPageOnAnotherOrigin() throws IOException {
        chromium = HeadlessChromium.start();
        page = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        page.createContext("/", exchange -> {
            byte[] html = "<!doctype html><title>app</title>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, html.length);
            exchange.getResponseBody().write(html);
            exchange.close();
        });
        page.start();
        chromium.driver().get("http://127.0.0.1:" + page.getAddress().getPort() + "/");
    }

    @AfterAll
    static void close() throws IOException {
        if (page != null) {
            page.stop(0);
        }
        if (chromium != null) {
            chromium.close();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> fetch(String path, Map<String, Object> init) {
        return (List<String>) ((JavascriptExecutor) chromium.driver())
                .executeAsyncScript(FETCH, TestServer.endpoint() + path, init);
    }

    private static Map<String, Object> sqsJson(String target, String body) {
        // X-Amz-Target and this content type are not "simple": the browser sends a preflight first.
        return Map.of("method", "POST", "body", body, "headers", Map.of(
                "Content-Type", "application/x-amz-json-1.0", "X-Amz-Target", "AmazonSQS." + target,
                "x-amzn-query-mode", "true"));
    }

    @Test
    void sqsAnswersAPageOnAnotherOrigin() {
        List<String> created = fetch("/", sqsJson("CreateQueue", "{\"QueueName\":\"from-a-page\"}"));
        assertThat(created.get(0)).isEqualTo("200");
        assertThat(created.get(1)).as("x-amzn-RequestId is readable").matches("[0-9a-f-]{36}");
        assertThat(created.get(3)).contains("/000000000000/from-a-page");

        List<String> missing = fetch("/", sqsJson("GetQueueUrl", "{\"QueueName\":\"no-such-queue\"}"));
        assertThat(missing.get(0)).isEqualTo("400");
        assertThat(missing.get(2)).as("the error header the SDKs map codes from")
                .isEqualTo("AWS.SimpleQueueService.NonExistentQueue;Sender");
    }

    @Test
    void snsOverQueryAnswersAPageOnAnotherOrigin() {
        List<String> listed = fetch("/", Map.of("method", "POST", "body", "Action=ListTopics&Version=2010-03-31",
                "headers", Map.of("Content-Type", "application/x-www-form-urlencoded",
                        "Authorization", "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/sns/aws4_request, "
                                + "SignedHeaders=host, Signature=0")));
        assertThat(listed.get(0)).isEqualTo("200");
        assertThat(listed.get(3)).contains("<ListTopicsResponse");
    }

    @Test
    void s3LetsAPageOnAnotherOriginInByTheBucketsCorsConfiguration() {
        String bucket = S3Clients.createBucket("cors-page");
        // x-amz-meta-* is not a "simple" header: the browser asks first, and the bucket has no rules yet.
        Map<String, Object> put = Map.of("method", "PUT", "body", "from the page",
                "headers", Map.of("Content-Type", "text/plain", "x-amz-meta-a", "b"));
        assertThat(fetch("/" + bucket + "/key", put).get(0)).isEqualTo("failed");

        String origin = "http://127.0.0.1:" + page.getAddress().getPort();
        S3Clients.S3.putBucketCors(b -> b.bucket(bucket).corsConfiguration(c -> c.corsRules(r -> r
                .allowedOrigins(origin).allowedMethods("PUT", "GET").allowedHeaders("*").exposeHeaders("ETag"))));
        List<String> stored = fetch("/" + bucket + "/key", put);
        assertThat(stored.get(0)).isEqualTo("200");
        assertThat(stored.get(4)).as("the exposed ETag").isEqualTo(S3Clients.etag("from the page"));
        List<String> read = fetch("/" + bucket + "/key", Map.of("method", "GET"));
        assertThat(read.get(0)).isEqualTo("200");
        assertThat(read.get(3)).isEqualTo("from the page");
        assertThat(S3Clients.S3.headObject(b -> b.bucket(bucket).key("key")).metadata()).containsEntry("a", "b");
    }
}
