package io.mailroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Event;
import software.amazon.awssdk.services.ses.SesClient;
import software.amazon.awssdk.services.ses.model.ReceiptAction;
import software.amazon.awssdk.services.ses.model.ReceiptRule;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The inbound-mail architecture of issue "Mail transport and the object store", end to end with real clients:
 * mail arrives over SMTP for a verified domain, the active receipt rule set stores it in a bucket, the bucket's
 * event notification goes to an SNS topic, and both an HTTP subscriber (which confirms its subscription) and an
 * SQS queue are told; the application then reads the object with the S3 SDK and parses the mail.
 */
class InboundMailArchitectureIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCOUNT = "220000000007";
    private static final String DOMAIN = "inbound-architecture.example";

    @Test
    void smtpToReceiptRuleToBucketToTopicToHttpAndQueue() throws Exception {
        StaticCredentialsProvider credentials = TestServer.credentialsFor(ACCOUNT);
        URI endpoint = TestServer.endpoint();
        try (SesClient ses = SesClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                     .credentialsProvider(credentials).httpClient(Apache5HttpClient.create()).build();
             SnsClient sns = SnsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                     .credentialsProvider(credentials).httpClient(Apache5HttpClient.create()).build();
             S3Client s3 = S3Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                     .credentialsProvider(credentials).forcePathStyle(true).httpClient(Apache5HttpClient.create()).build();
             SqsClient sqs = TestServer.sqs(credentials, Region.US_EAST_1);
             Subscriber web = Subscriber.start()) {
            // The application's side: a topic with an HTTPS-style web hook and a queue.
            String topicArn = sns.createTopic(b -> b.name("incoming-mail")).topicArn();
            String queueUrl = sqs.createQueue(b -> b.queueName("incoming-mail")).queueUrl();
            String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
            sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(queueArn));
            sns.subscribe(b -> b.topicArn(topicArn).protocol("http").endpoint(web.url()));
            web.await("a SubscriptionConfirmation", () -> web.messages("SubscriptionConfirmation"));
            JsonNode confirmation = web.messages("SubscriptionConfirmation").get(0);
            HttpResponse<String> confirmed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(confirmation.path("SubscribeURL").asText())).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(confirmed.statusCode()).isEqualTo(200);

            // The bucket mail lands in, announcing new objects on the topic.
            s3.createBucket(b -> b.bucket("incoming-mail-archive"));
            s3.putBucketNotificationConfiguration(b -> b.bucket("incoming-mail-archive").notificationConfiguration(n -> n
                    .topicConfigurations(t -> t.topicArn(topicArn).events(Event.S3_OBJECT_CREATED))));

            // SES: the domain, and an active rule set storing its mail in the bucket.
            ses.verifyDomainIdentity(b -> b.domain(DOMAIN));
            ses.createReceiptRuleSet(b -> b.ruleSetName("incoming"));
            ses.createReceiptRule(b -> b.ruleSetName("incoming").rule(ReceiptRule.builder().name("archive").enabled(true)
                    .recipients(DOMAIN).actions(ReceiptAction.builder().s3Action(a -> a
                            .bucketName("incoming-mail-archive").objectKeyPrefix("mail/")).build()).build()));
            ses.setActiveReceiptRuleSet(b -> b.ruleSetName("incoming"));
            try {
                // Mail from the internet: plain SMTP, no authentication.
                Properties props = new Properties();
                props.put("mail.smtp.host", "127.0.0.1");
                props.put("mail.smtp.port", Integer.toString(TestServer.get().smtpPort()));
                MimeMessage mail = new MimeMessage(Session.getInstance(props));
                mail.setFrom(new InternetAddress("customer@example.org"));
                mail.setRecipient(Message.RecipientType.TO, new InternetAddress("support@" + DOMAIN));
                mail.setSubject("Where is my parcel?");
                mail.setText("Order 42 has not arrived.", "UTF-8");
                Transport.send(mail);

                // The queue hears of the new object through SNS ...
                JsonNode queued = awaitQueueEvent(sqs, queueUrl);
                JsonNode record = queued.path("Records").get(0);
                assertThat(record.path("eventSource").asText()).isEqualTo("aws:s3");
                assertThat(record.path("eventName").asText()).isEqualTo("ObjectCreated:Put");
                assertThat(record.path("s3").path("bucket").path("name").asText()).isEqualTo("incoming-mail-archive");
                String key = record.path("s3").path("object").path("key").asText();
                assertThat(key).startsWith("mail/");

                // ... and so does the web hook.
                web.await("an S3 event notification", web::s3Events);
                JsonNode posted = web.s3Events().get(0);
                assertThat(posted.path("Records").get(0).path("s3").path("object").path("key").asText()).isEqualTo(key);

                // The application fetches the stored mail and parses it.
                byte[] stored = s3.getObjectAsBytes(b -> b.bucket("incoming-mail-archive").key(key)).asByteArray();
                MimeMessage parsed = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(stored));
                assertThat(parsed.getSubject()).isEqualTo("Where is my parcel?");
                assertThat(parsed.getFrom()[0].toString()).isEqualTo("customer@example.org");
                assertThat(((String) parsed.getContent()).trim()).isEqualTo("Order 42 has not arrived.");
            } finally {
                ses.setActiveReceiptRuleSet(b -> { });
            }
        }
    }

    private static JsonNode awaitQueueEvent(SqsClient sqs, String queueUrl) throws IOException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (software.amazon.awssdk.services.sqs.model.Message m
                    : sqs.receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(1)).messages()) {
                sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
                JsonNode event = JSON.readTree(JSON.readTree(m.body()).path("Message").asText());
                if (event.has("Records")) {
                    return event; // the s3:TestEvent sent when the configuration was set comes first
                }
            }
        }
        throw new AssertionError("no S3 event reached the queue within 10 s");
    }

    /** A web hook in the test: records every SNS message posted to it. */
    private static final class Subscriber implements AutoCloseable {
        private final HttpServer server;
        private final List<JsonNode> received = new CopyOnWriteArrayList<>();

        private Subscriber(HttpServer server) {
            this.server = server;
        }

        static Subscriber start() throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            Subscriber subscriber = new Subscriber(server);
            server.createContext("/hook", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                subscriber.received.add(JSON.readTree(new String(body, StandardCharsets.UTF_8)));
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            return subscriber;
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        /** S3 event records posted as SNS notifications (the s3:TestEvent has none). */
        List<JsonNode> s3Events() {
            return messages("Notification").stream().map(m -> {
                try {
                    return JSON.readTree(m.path("Message").asText());
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).filter(event -> event.has("Records")).toList();
        }

        List<JsonNode> messages(String type) {
            return received.stream().filter(m -> type.equals(m.path("Type").asText())).toList();
        }

        void await(String what, Supplier<List<JsonNode>> found) throws InterruptedException {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (found.get().isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the web hook received no " + what + " within 10 s; got " + received);
                }
                Thread.sleep(10);
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
