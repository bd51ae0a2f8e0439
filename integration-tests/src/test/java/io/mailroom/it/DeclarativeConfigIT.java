package io.mailroom.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mailroom.server.Mailroom;
import io.mailroom.server.ServerConfig;
import io.mailroom.server.config.ConfigException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.ses.SesClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.Subscription;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** A server started with {@code --config}: the declared resources exist for SDK clients, and come back after a reset. */
class DeclarativeConfigIT {
    private static final String SETUP = """
            accounts:
              - sns:
                  topics:
                    - name: events
                      subscriptions:
                        - {protocol: sqs, endpoint: orders, raw: true, filterPolicy: {region: [eu]}}
                        - {protocol: https, endpoint: "https://example.test/hook"}
                ses:
                  identities: [sender@example.com, example.com]
                  templates: [{name: welcome, subject: "Hi {{name}}", text: "Hello {{name}}"}]
                  configurationSets:
                    - name: tracking
                      eventDestinations: [{name: to-sns, events: [send, delivery], topic: events}]
                sqs:
                  queues:
                    - name: orders
                      attributes:
                        VisibilityTimeout: 60
                        RedrivePolicy: {deadLetterQueue: orders-dlq, maxReceiveCount: 3}
                      tags: {team: shop}
                    - name: orders-dlq
                    - name: uploads
              - s3:
                  buckets:
                    - name: incoming-mail
                      notifications:
                        queues: [{queue: uploads, events: [s3:ObjectCreated:*], prefix: in/}]
            """;

    @TempDir
    static Path dir;
    private static Mailroom server;
    private static SqsClient sqs;
    private static SnsClient sns;
    private static SesClient ses;
    private static S3Client s3;

    @BeforeAll
    static void start() throws Exception {
        Path file = dir.resolve("mailroom.yaml");
        Files.writeString(file, SETUP);
        server = Mailroom.start(ServerConfig.defaults().withPort(0).withConfigFile(file));
        URI endpoint = server.endpoint();
        sqs = SqsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(TestServer.credentials()).httpClient(Apache5HttpClient.create()).build();
        sns = SnsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(TestServer.credentials()).httpClient(Apache5HttpClient.create()).build();
        ses = SesClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(TestServer.credentials()).httpClient(Apache5HttpClient.create()).build();
        s3 = S3Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(TestServer.credentials()).httpClient(Apache5HttpClient.create()).build();
    }

    @AfterAll
    static void stop() {
        sqs.close();
        sns.close();
        ses.close();
        s3.close();
        server.close();
    }

    private static String ordersUrl() {
        return sqs.getQueueUrl(r -> r.queueName("orders")).queueUrl();
    }

    @Test
    void theDeclaredResourcesExist() {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(r -> r.queueUrl(ordersUrl())
                .attributeNames(QueueAttributeName.ALL)).attributes();
        assertThat(attributes).containsEntry(QueueAttributeName.VISIBILITY_TIMEOUT, "60");
        assertThat(attributes.get(QueueAttributeName.REDRIVE_POLICY)).contains(":orders-dlq");
        assertThat(sqs.listQueueTags(r -> r.queueUrl(ordersUrl())).tags()).containsEntry("team", "shop");

        List<Subscription> subscriptions = sns.listSubscriptionsByTopic(r ->
                r.topicArn("arn:aws:sns:us-east-1:000000000000:events")).subscriptions();
        assertThat(subscriptions).extracting(Subscription::protocol).containsExactly("sqs", "https");
        assertThat(subscriptions).allSatisfy(s -> assertThat(s.subscriptionArn()).startsWith("arn:aws:sns:"));

        assertThat(ses.listIdentities().identities()).containsExactlyInAnyOrder("sender@example.com", "example.com");
        assertThat(ses.getTemplate(r -> r.templateName("welcome")).template().subjectPart()).isEqualTo("Hi {{name}}");
        assertThat(ses.describeConfigurationSet(r -> r.configurationSetName("tracking")
                .configurationSetAttributeNamesWithStrings("eventDestinations")).eventDestinations())
                .singleElement().satisfies(d -> assertThat(d.snsDestination().topicARN()).endsWith(":events"));
    }

    @Test
    void aPublishReachesTheDeclaredQueueThroughItsFilterPolicy() {
        sns.publish(r -> r.topicArn("arn:aws:sns:us-east-1:000000000000:events").message("for us")
                .messageAttributes(Map.of("region", MessageAttributeValue.builder().dataType("String")
                        .stringValue("eu").build())));
        sns.publish(r -> r.topicArn("arn:aws:sns:us-east-1:000000000000:events").message("filtered out")
                .messageAttributes(Map.of("region", MessageAttributeValue.builder().dataType("String")
                        .stringValue("us").build())));
        List<Message> received = sqs.receiveMessage(r -> r.queueUrl(ordersUrl()).waitTimeSeconds(2)
                .maxNumberOfMessages(10)).messages();
        assertThat(received).extracting(Message::body).containsExactly("for us"); // raw delivery: no envelope
        sqs.deleteMessage(r -> r.queueUrl(ordersUrl()).receiptHandle(received.get(0).receiptHandle()));
    }

    @Test
    void aPutObjectNotifiesTheDeclaredQueue() throws Exception {
        assertThat(s3.getBucketNotificationConfiguration(r -> r.bucket("incoming-mail")).queueConfigurations())
                .singleElement().satisfies(c -> assertThat(c.queueArn()).isEqualTo("arn:aws:sqs:us-east-1:000000000000:uploads"));
        s3.putObject(r -> r.bucket("incoming-mail").key("out/ignored"), RequestBody.fromString("not under in/"));
        s3.putObject(r -> r.bucket("incoming-mail").key("in/mail-1.eml"), RequestBody.fromString("Subject: hi\r\n\r\nhello"));

        String uploads = sqs.getQueueUrl(r -> r.queueName("uploads")).queueUrl();
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> records = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (records.isEmpty() && System.nanoTime() < deadline) {
            for (Message m : sqs.receiveMessage(r -> r.queueUrl(uploads).waitTimeSeconds(1).maxNumberOfMessages(10)).messages()) {
                JsonNode body = json.readTree(m.body());
                if (body.has("Records")) { // besides the s3:TestEvent sent when the configuration was applied
                    body.path("Records").forEach(records::add);
                }
                sqs.deleteMessage(r -> r.queueUrl(uploads).receiptHandle(m.receiptHandle()));
            }
        }
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.path("eventName").asText()).isEqualTo("ObjectCreated:Put");
            assertThat(r.path("s3").path("bucket").path("name").asText()).isEqualTo("incoming-mail");
            assertThat(r.path("s3").path("object").path("key").asText()).isEqualTo("in/mail-1.eml");
        });
    }

    @Test
    void aResetAppliesTheFileAgainAndTheExportReadsItBack() throws Exception {
        sqs.deleteQueue(r -> r.queueUrl(sqs.getQueueUrl(q -> q.queueName("orders-dlq")).queueUrl()));
        sqs.createQueue(r -> r.queueName("hand-made"));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> reset = http.send(HttpRequest.newBuilder(server.endpoint().resolve("/_mailroom/reset"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(reset.statusCode()).isEqualTo(200);
        assertThat(sqs.listQueues().queueUrls()).hasSize(3).allSatisfy(u -> assertThat(u).containsAnyOf("/orders", "/uploads"));
        assertThat(s3.listBuckets().buckets()).extracting(Bucket::name).containsExactly("incoming-mail");

        HttpResponse<String> export = http.send(HttpRequest.newBuilder(server.endpoint().resolve("/_mailroom/config"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type")).hasValue("application/yaml");
        assertThat(export.body()).contains("- name: orders-dlq", "deadLetterQueue: orders-dlq", "raw: true",
                "templates:", "topic: events", "- name: incoming-mail", "queue: uploads", "prefix: in/");
        HttpResponse<String> json = http.send(HttpRequest.newBuilder(server.endpoint().resolve("/_mailroom/config"))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(json.body()).startsWith("{").contains("\"deadLetterQueue\" : \"orders-dlq\"");

        // The export is itself a setup file: a second server started from it exports the same.
        Path saved = dir.resolve("exported.yaml");
        Files.writeString(saved, export.body());
        try (Mailroom copy = Mailroom.start(ServerConfig.defaults().withPort(0).withConfigFile(saved))) {
            HttpResponse<String> again = http.send(HttpRequest.newBuilder(copy.endpoint().resolve("/_mailroom/config"))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(again.body()).isEqualTo(export.body());
        }
    }

    @Test
    void aWrongFileStopsTheStartWithTheLineAndField() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, """
                accounts:
                  - sqs:
                      queues:
                        - name: slow
                          attributes: {VisibilityTimeout: "99999"}
                """);
        assertThatThrownBy(() -> Mailroom.start(ServerConfig.defaults().withPort(0).withConfigFile(bad)))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("bad.yaml line 5: accounts[0].sqs.queues[0].attributes.VisibilityTimeout:"
                        + " InvalidAttributeValue");
    }
}
