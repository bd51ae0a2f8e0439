package io.mailroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailroom.core.time.ServerClock;
import io.mailroom.junit5.MailroomExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Presigned URLs, as applications hand them to browsers: they work until their expiry on the server's
 * clock, then S3 refuses them, so a test can move the clock past the expiry instead of waiting for it.
 */
@ExtendWith(MailroomExtension.class)
class S3PresignedUrlIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final S3Presigner presigner;

    S3PresignedUrlIT(URI endpoint) {
        presigner = S3Presigner.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .build();
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aPresignedGetWorksUntilItsExpiryOnTheServerClock(S3Client s3, ServerClock clock) throws Exception {
        clock.freeze();
        s3.createBucket(b -> b.bucket("presigned"));
        s3.putObject(b -> b.bucket("presigned").key("report.pdf"), RequestBody.fromString("quarterly"));
        String url = presigner.presignGetObject(b -> b.signatureDuration(Duration.ofMinutes(10))
                .getObjectRequest(o -> o.bucket("presigned").key("report.pdf"))).url().toString();

        assertThat(get(url).body()).isEqualTo("quarterly");
        clock.advance(Duration.ofMinutes(9));
        assertThat(get(url).statusCode()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(2));
        HttpResponse<String> expired = get(url);
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(expired.body()).contains("<Code>AccessDenied</Code><Message>Request has expired</Message>"
                        + "<X-Amz-Expires>600</X-Amz-Expires><Expires>")
                .containsPattern("<ServerTime>\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ</ServerTime>");
    }

    @Test
    void aPresignedPutUploadsWhileValid(S3Client s3) throws Exception {
        s3.createBucket(b -> b.bucket("uploads"));
        String url = presigner.presignPutObject(b -> b.signatureDuration(Duration.ofMinutes(5))
                .putObjectRequest(o -> o.bucket("uploads").key("avatar.png"))).url().toString();

        HttpResponse<String> put = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .PUT(HttpRequest.BodyPublishers.ofString("png bytes")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(s3.getObjectAsBytes(b -> b.bucket("uploads").key("avatar.png")).asUtf8String()).isEqualTo("png bytes");
    }

    @Test
    void queryParametersS3RefusesAreRefused(S3Client s3) throws Exception {
        s3.createBucket(b -> b.bucket("limits"));
        String url = presigner.presignGetObject(b -> b.signatureDuration(Duration.ofMinutes(1))
                .getObjectRequest(o -> o.bucket("limits").key("k"))).url().toString();

        HttpResponse<String> overAWeek = get(url.replaceFirst("X-Amz-Expires=60", "X-Amz-Expires=604801"));
        assertThat(overAWeek.statusCode()).isEqualTo(400);
        assertThat(overAWeek.body()).contains("<Code>AuthorizationQueryParametersError</Code>")
                .contains("X-Amz-Expires must be less than a week (in seconds) that is; 604800");
        HttpResponse<String> badDate = get(url.replaceFirst("X-Amz-Date=\\d{8}T\\d{6}Z", "X-Amz-Date=yesterday"));
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(badDate.body()).contains("X-Amz-Date must be in the ISO8601 Long Format");
        HttpResponse<String> noExpiry = get(url.replaceFirst("&?X-Amz-Expires=60", ""));
        assertThat(noExpiry.statusCode()).isEqualTo(400);
        assertThat(noExpiry.body()).contains("<Code>AuthorizationQueryParametersError</Code>");
    }

    @Test
    void signatureVersion2UrlsExpireAtTheirEpochSecond(S3Client s3, ServerClock clock, URI endpoint) throws Exception {
        clock.freeze();
        s3.createBucket(b -> b.bucket("legacy"));
        s3.putObject(b -> b.bucket("legacy").key("k"), RequestBody.fromString("v2"));
        // As the AWS CLI v1's `aws s3 presign` writes them.
        long expires = clock.millis() / 1000 + 60;
        String url = endpoint + "/legacy/k?AWSAccessKeyId=test&Signature=c2lnbmF0dXJl&Expires=" + expires;

        assertThat(get(url).body()).isEqualTo("v2");
        clock.advance(Duration.ofSeconds(61));
        HttpResponse<String> expired = get(url);
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(expired.body()).contains("<Message>Request has expired</Message><Expires>");
    }
}
