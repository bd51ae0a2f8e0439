package io.mailroom.it;

import static io.mailroom.it.S3Clients.S3;
import static io.mailroom.it.S3Clients.s3Error;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.CORSRule;
import software.amazon.awssdk.services.s3.model.GetBucketCorsResponse;

/**
 * A bucket's CORS configuration through S3Client, and what it decides: the answer to a browser's preflight, path
 * and virtual-hosted style, and the {@code Access-Control-*} headers of the requests that follow it.
 */
class S3CorsIT {
    private static final String PAGE = "http://localhost:3000";
    private static final CORSRule UPLOADS = CORSRule.builder().id("uploads").allowedOrigins(PAGE)
            .allowedMethods("PUT", "POST").allowedHeaders("*").exposeHeaders("ETag").maxAgeSeconds(3000).build();
    private static final CORSRule READS = CORSRule.builder().allowedOrigins("*").allowedMethods("GET", "HEAD").build();

    private static String host() {
        return "127.0.0.1:" + TestServer.get().port();
    }

    @Test
    void configurationPutGetDelete() {
        String bucket = S3Clients.createBucket("cors");
        s3Error("NoSuchCORSConfiguration", 404, () -> S3.getBucketCors(b -> b.bucket(bucket)));
        S3.putBucketCors(b -> b.bucket(bucket).corsConfiguration(c -> c.corsRules(UPLOADS, READS)));
        GetBucketCorsResponse got = S3.getBucketCors(b -> b.bucket(bucket));
        assertThat(got.corsRules()).containsExactly(UPLOADS, READS);

        s3Error("InvalidRequest", 400, () -> S3.putBucketCors(b -> b.bucket(bucket).corsConfiguration(c -> c.corsRules(
                CORSRule.builder().allowedOrigins("*").allowedMethods("PATCH").build()))));
        s3Error("InvalidRequest", 400, () -> S3.putBucketCors(b -> b.bucket(bucket).corsConfiguration(c -> c.corsRules(
                CORSRule.builder().allowedOrigins("http://*.*.example").allowedMethods("GET").build()))));
        s3Error("MalformedXML", 400, () -> S3.putBucketCors(b -> b.bucket(bucket).corsConfiguration(c -> c.corsRules(
                CORSRule.builder().allowedOrigins("*").build()))));
        assertThat(S3.getBucketCors(b -> b.bucket(bucket)).corsRules()).containsExactly(UPLOADS, READS);

        S3.deleteBucketCors(b -> b.bucket(bucket));
        s3Error("NoSuchCORSConfiguration", 404, () -> S3.getBucketCors(b -> b.bucket(bucket)));
        s3Error("NoSuchBucket", 404, () -> S3.getBucketCors(b -> b.bucket(bucket + "-none")));
    }

    @Test
    void aPreflightIsAnsweredByTheBucketsRules() {
        String bucket = S3Clients.createBucket("preflight");
        Map<String, String> putWithMetadata = Map.of("Origin", PAGE, "Access-Control-Request-Method", "PUT",
                "Access-Control-Request-Headers", "content-type,x-amz-meta-owner");
        S3Clients.RawResponse before = S3Clients.raw("OPTIONS", host(), "/" + bucket + "/photo.jpg", putWithMetadata,
                new byte[0]);
        assertThat(before.status()).isEqualTo(403);
        assertThat(before.text()).contains("<Code>AccessForbidden</Code><Message>CORSResponse: CORS is not enabled for "
                + "this bucket.</Message><Method>PUT</Method><ResourceType>BUCKET</ResourceType>");

        S3.putBucketCors(b -> b.bucket(bucket).corsConfiguration(c -> c.corsRules(UPLOADS, READS)));
        for (String[] style : new String[][] {{host(), "/" + bucket + "/photo.jpg"},
                {bucket + ".s3.localhost.localstack.cloud:" + TestServer.get().port(), "/photo.jpg"}}) {
            S3Clients.RawResponse allowed = S3Clients.raw("OPTIONS", style[0], style[1], putWithMetadata, new byte[0]);
            assertThat(allowed.status()).as(style[0]).isEqualTo(200);
            assertThat(allowed.body()).isEmpty();
            assertThat(allowed.headers()).doesNotContainKey("Content-Type")
                    .containsEntry("Access-Control-Allow-Origin", PAGE)
                    .containsEntry("Access-Control-Allow-Methods", "PUT, POST")
                    .containsEntry("Access-Control-Allow-Headers", "content-type, x-amz-meta-owner")
                    .containsEntry("Access-Control-Allow-Credentials", "true")
                    .containsEntry("Access-Control-Expose-Headers", "ETag")
                    .containsEntry("Access-Control-Max-Age", "3000")
                    .containsEntry("Vary", "Origin, Access-Control-Request-Headers, Access-Control-Request-Method")
                    .containsKey("x-amz-request-id");
        }

        S3Clients.RawResponse otherPage = S3Clients.raw("OPTIONS", host(), "/" + bucket + "/photo.jpg", Map.of(
                "Origin", "http://evil.example", "Access-Control-Request-Method", "DELETE"), new byte[0]);
        assertThat(otherPage.status()).isEqualTo(403);
        assertThat(otherPage.headers()).doesNotContainKey("Access-Control-Allow-Origin");
        assertThat(otherPage.text()).contains("<Message>CORSResponse: This CORS request is not allowed.")
                .contains("<Method>DELETE</Method><ResourceType>OBJECT</ResourceType>");

        S3Clients.RawResponse noOrigin = S3Clients.raw("OPTIONS", host(), "/" + bucket + "/photo.jpg", new byte[0]);
        assertThat(noOrigin.status()).isEqualTo(400);
        assertThat(noOrigin.text()).contains("<Code>BadRequest</Code><Message>Insufficient information. Origin request "
                + "header needed.</Message>");

        S3Clients.RawResponse noBucket = S3Clients.raw("OPTIONS", host(), "/" + bucket + "-none/photo.jpg",
                putWithMetadata, new byte[0]);
        assertThat(noBucket.status()).isEqualTo(403);
        assertThat(noBucket.text()).contains("<Message>CORSResponse: Bucket not found</Message>");
    }

    @Test
    void requestsFromAnAllowedOriginCarryTheirRulesHeadersErrorsIncluded() {
        String bucket = S3Clients.createBucket("actual");
        S3.putObject(b -> b.bucket(bucket).key("a.txt"), RequestBody.fromString("hello"));
        S3Clients.RawResponse plain = S3Clients.raw("GET", host(), "/" + bucket + "/a.txt", Map.of("Origin", PAGE),
                new byte[0]);
        assertThat(plain.status()).isEqualTo(200);
        assertThat(plain.headers()).doesNotContainKeys("Access-Control-Allow-Origin", "Vary");

        S3.putBucketCors(b -> b.bucket(bucket).corsConfiguration(c -> c.corsRules(UPLOADS, READS)));
        S3Clients.RawResponse get = S3Clients.raw("GET", host(), "/" + bucket + "/a.txt", Map.of("Origin", PAGE),
                new byte[0]);
        assertThat(new String(get.body(), StandardCharsets.UTF_8)).isEqualTo("hello");
        assertThat(get.headers()).containsEntry("Access-Control-Allow-Origin", "*")
                .containsEntry("Access-Control-Allow-Methods", "GET, HEAD")
                .doesNotContainKeys("Access-Control-Allow-Credentials", "Access-Control-Allow-Headers");

        S3Clients.RawResponse missing = S3Clients.raw("GET", host(), "/" + bucket + "/none.txt", Map.of("Origin", PAGE),
                new byte[0]);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.headers()).containsEntry("Access-Control-Allow-Origin", "*");

        S3Clients.RawResponse put = S3Clients.raw("PUT", host(), "/" + bucket + "/b.txt", Map.of("Origin", PAGE),
                "b".getBytes(StandardCharsets.UTF_8));
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.headers()).containsEntry("Access-Control-Allow-Origin", PAGE)
                .containsEntry("Access-Control-Expose-Headers", "ETag").containsKey("ETag");

        S3Clients.RawResponse otherPage = S3Clients.raw("PUT", host(), "/" + bucket + "/c.txt",
                Map.of("Origin", "http://evil.example"), "c".getBytes(StandardCharsets.UTF_8));
        assertThat(otherPage.status()).as("CORS is the browser's to enforce").isEqualTo(200);
        assertThat(otherPage.headers()).doesNotContainKeys("Access-Control-Allow-Origin", "Vary");
    }
}
