package io.mailroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailroom.server.Mailroom;
import io.mailroom.server.ServerConfig;
import io.mailroom.ses.SesConfig;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** The server options that change SES: auto-verified senders and a bucket keeping sent mail. */
class SesServerOptionsIT {

    @Test
    void autoVerifiedSenderAndSentMailCopiedToTheBucket() {
        ServerConfig config = ServerConfig.defaults().withPort(0)
                .withSes(SesConfig.defaults().withAutoVerify(true).withSentMailBucket("sent-mail"));
        try (Mailroom server = Mailroom.start(config);
             SesV2Client ses = SesV2Client.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                     .credentialsProvider(TestServer.credentials()).httpClient(Apache5HttpClient.create()).build();
             S3Client s3 = S3Client.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                     .credentialsProvider(TestServer.credentials()).forcePathStyle(true)
                     .httpClient(Apache5HttpClient.create()).build()) {
            s3.createBucket(b -> b.bucket("sent-mail"));

            String id = ses.sendEmail(b -> b.fromEmailAddress("never-verified@example.org")
                    .destination(d -> d.toAddresses("bob@example.com"))
                    .content(c -> c.simple(m -> m.subject(t -> t.data("Copied"))
                            .body(body -> body.text(t -> t.data("kept in the bucket")))))).messageId();

            String stored = s3.getObjectAsBytes(b -> b.bucket("sent-mail").key(id)).asUtf8String();
            assertThat(stored).contains("Subject: Copied", "kept in the bucket", "From: never-verified@example.org");
        }
    }
}
