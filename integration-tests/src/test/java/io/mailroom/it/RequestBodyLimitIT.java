package io.mailroom.it;

import static io.mailroom.it.SesClients.error;
import static org.assertj.core.api.Assertions.assertThat;

import io.mailroom.server.Mailroom;
import io.mailroom.server.ServerConfig;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.SnsException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * The server's limit on request bodies: large enough by default for SES v2's largest raw message, and a body
 * over it answered in the protocol of the request, which each SDK reads as an ordinary service error.
 */
class RequestBodyLimitIT {
    private static final int LIMIT = 1024 * 1024;
    private static Mailroom small;

    @BeforeAll
    static void startServerWithASmallLimit() {
        small = Mailroom.start(ServerConfig.defaults().withPort(0).withSmtpPort(-1).withMaxBodyBytes(LIMIT));
    }

    @AfterAll
    static void stop() {
        small.close();
    }

    @Test
    void sesV2SendsARawMessageOfTwentyMegabytesByDefault() {
        SesClients.Account account = SesClients.account("331100000001");
        account.v2().createEmailIdentity(b -> b.emailIdentity("large.example"));
        byte[] attachment = new byte[20_000_000];
        Arrays.fill(attachment, (byte) 'q');
        byte[] raw = concat(("From: big@large.example\r\nTo: someone@example.com\r\nSubject: Large\r\n"
                + "Content-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.US_ASCII), attachment);

        String id = account.v2().sendEmail(b -> b.fromEmailAddress("big@large.example")
                .destination(d -> d.toAddresses("someone@example.com"))
                .content(c -> c.raw(r -> r.data(SdkBytes.fromByteArrayUnsafe(raw))))).messageId();

        assertThat(SesClients.get("/_mailroom/ses/messages/" + id + ".eml").body()).hasSizeGreaterThan(20_000_000);
    }

    @Test
    void sqsOverJsonAnswersRequestEntityTooLargeAndTheClientCarriesOn() {
        try (SqsClient sqs = TestServer.sqs(TestServer.credentials(), Region.US_EAST_1, small.endpoint())) {
            String url = sqs.createQueue(b -> b.queueName("limit")).queueUrl();

            SqsException e = error(SqsException.class, "RequestEntityTooLarge", 413,
                    () -> sqs.sendMessage(b -> b.queueUrl(url).messageBody("x".repeat(LIMIT + 1))));

            assertThat(e.awsErrorDetails().errorMessage()).contains("no longer than 1048576 bytes", "--max-body-mib");
            assertThat(e.requestId()).matches("[0-9a-f-]{36}");
            assertThat(sqs.sendMessage(b -> b.queueUrl(url).messageBody("small")).messageId()).isNotBlank();
        }
    }

    @Test
    void snsOverQuery() {
        try (SnsClient sns = SnsClient.builder().endpointOverride(small.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(TestServer.credentials()).httpClient(Apache5HttpClient.create()).build()) {
            String topic = sns.createTopic(b -> b.name("limit")).topicArn();

            error(SnsException.class, "RequestEntityTooLarge", 413,
                    () -> sns.publish(b -> b.topicArn(topic).message("x".repeat(LIMIT + 1))));
        }
    }

    @Test
    void sesV2OverRestJson() {
        try (SesV2Client ses = SesV2Client.builder().endpointOverride(small.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(TestServer.credentials()).httpClient(Apache5HttpClient.create()).build()) {
            ses.createEmailIdentity(b -> b.emailIdentity("limit.example"));
            byte[] raw = ("Subject: big\r\n\r\n" + "y".repeat(LIMIT)).getBytes(StandardCharsets.US_ASCII);

            error(SesV2Exception.class, "RequestEntityTooLarge", 413,
                    () -> ses.sendEmail(b -> b.fromEmailAddress("a@limit.example")
                            .destination(d -> d.toAddresses("b@example.com"))
                            .content(c -> c.raw(r -> r.data(SdkBytes.fromByteArray(raw))))));
        }
    }

    /** The SDK sends PutObject with {@code Expect: 100-continue}: the answer comes instead of the go-ahead. */
    @Test
    void s3PutObjectOverRestXml() {
        try (S3Client s3 = S3Client.builder().endpointOverride(small.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(TestServer.credentials()).forcePathStyle(true)
                .httpClient(Apache5HttpClient.create()).build()) {
            s3.createBucket(b -> b.bucket("limit"));

            error(S3Exception.class, "RequestEntityTooLarge", 413,
                    () -> s3.putObject(b -> b.bucket("limit").key("big"), RequestBody.fromBytes(new byte[2 * LIMIT])));

            assertThat(s3.listObjectsV2(b -> b.bucket("limit")).keyCount()).isZero();
        }
    }

    private static byte[] concat(byte[] head, byte[] tail) {
        byte[] all = Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }
}
