package io.mailroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.ses.model.ReceiptAction;
import software.amazon.awssdk.services.ses.model.ReceiptRule;
import software.amazon.awssdk.services.ses.model.S3Action;
import software.amazon.awssdk.services.ses.model.SNSAction;
import software.amazon.awssdk.services.ses.model.SNSActionEncoding;

/**
 * Email receiving end to end with the AWS SDK v2: a receipt rule set stores mail in an S3 bucket and publishes it
 * to an SNS topic an SQS queue is subscribed to; mail injected at {@code POST /_mailroom/ses/inbound} comes out
 * as an S3 object readable with jakarta.mail and as a {@code Received} notification on the queue.
 */
class SesInboundIT {
    private static final SesClients.Account A = SesClients.account("210000000009");
    private static final S3Client S3 = S3Client.builder().endpointOverride(TestServer.endpoint()).region(Region.US_EAST_1)
            .credentialsProvider(TestServer.credentialsFor(A.id())).forcePathStyle(true)
            .httpClient(Apache5HttpClient.create()).build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterAll
    static void deactivate() {
        A.ses().setActiveReceiptRuleSet(b -> { });
    }

    @Test
    void inboundMailIsStoredInS3AndPublishedAsAReceivedNotification() throws Exception {
        A.ses().verifyDomainIdentity(b -> b.domain("example.com"));
        String bucket = SesClients.name("inbound-mail");
        S3.createBucket(b -> b.bucket(bucket));
        SesClients.Feed feed = A.feed("inbound");
        String ruleSet = SesClients.name("inbound-rules");
        String recipient = SesClients.address("support", "example.com");
        A.ses().createReceiptRuleSet(b -> b.ruleSetName(ruleSet));
        A.ses().createReceiptRule(b -> b.ruleSetName(ruleSet).rule(ReceiptRule.builder().name("store-and-notify")
                .enabled(true).recipients(recipient)
                .actions(ReceiptAction.builder().s3Action(S3Action.builder().bucketName(bucket)
                                .objectKeyPrefix("incoming/").build()).build(),
                        ReceiptAction.builder().snsAction(SNSAction.builder().topicArn(feed.topicArn())
                                .encoding(SNSActionEncoding.BASE64).build()).build())
                .build()));
        A.ses().setActiveReceiptRuleSet(b -> b.ruleSetName(ruleSet));

        String raw = "From: Customer <customer@example.org>\r\nTo: " + recipient + "\r\nSubject: Need help\r\n"
                + "Message-ID: <q1@example.org>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "My order has not arrived.\r\n";
        String body = SesClients.JSON.createObjectNode().put("from", "customer@example.org").put("raw", raw)
                .set("to", SesClients.JSON.createArrayNode().add(recipient).add("nobody@elsewhere.test")).toString();
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create(TestServer.endpoint() + "/_mailroom/ses/inbound"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode result = SesClients.readJson(response.body());
        String messageId = result.path("messageId").asText();
        assertThat(messageId).matches("[0-9a-v]{40}");
        assertThat(result.path("accepted").toString()).isEqualTo("[\"" + recipient + "\"]");
        assertThat(result.path("rejected").toString()).isEqualTo("[\"nobody@elsewhere.test\"]");

        byte[] object = S3.getObjectAsBytes(b -> b.bucket(bucket).key("incoming/" + messageId)).asByteArray();
        MimeMessage stored = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(object));
        assertThat(stored.getSubject()).isEqualTo("Need help");
        assertThat(stored.getHeader("Return-Path", null)).isEqualTo("<customer@example.org>");
        assertThat(stored.getHeader("Received", null)).contains("inbound-smtp.us-east-1.amazonaws.com")
                .contains("with SMTP id " + messageId);
        assertThat(String.valueOf(stored.getContent()).trim()).isEqualTo("My order has not arrived.");

        JsonNode notification = feed.await(messageId);
        assertThat(notification.path("notificationType").asText()).isEqualTo("Received");
        assertThat(notification.path("mail").path("source").asText()).isEqualTo("customer@example.org");
        assertThat(notification.path("mail").path("destination").toString()).isEqualTo("[\"" + recipient + "\"]");
        assertThat(notification.path("mail").path("commonHeaders").path("subject").asText()).isEqualTo("Need help");
        assertThat(notification.path("receipt").path("recipients").toString()).isEqualTo("[\"" + recipient + "\"]");
        assertThat(notification.path("receipt").path("action").path("type").asText()).isEqualTo("SNS");
        assertThat(notification.path("receipt").path("action").path("encoding").asText()).isEqualTo("BASE64");
        byte[] content = java.util.Base64.getDecoder().decode(notification.path("content").asText());
        assertThat(content).isEqualTo(object);
        assertThat(new String(content, StandardCharsets.UTF_8)).endsWith(raw);

        JsonNode inbound = SesClients.get("/_mailroom/ses/inbound").json().path("messages");
        JsonNode mine = null;
        for (JsonNode m : inbound) {
            if (m.path("messageId").asText().equals(messageId)) {
                mine = m;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.path("ruleSet").asText()).isEqualTo(ruleSet);
        List<String> actions = new ArrayList<>();
        mine.path("actions").forEach(a -> actions.add(a.path("type").asText() + ":" + a.path("outcome").asText()));
        assertThat(actions).containsExactly("S3:OK", "SNS:OK");
    }
}
