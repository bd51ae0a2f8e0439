package io.mailroom.it;

import static io.mailroom.it.SnsClients.SNS;
import static io.mailroom.it.SnsClients.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.mailroom.core.time.ServerClock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * An HTTP endpoint subscribed to a topic, as a real subscriber would be: it confirms through the
 * SubscribeURL, verifies every message's signature with AWS's documented algorithm, checks the
 * x-amz-sns-* headers, and, answering 500, sees the retries of the effective delivery policy (on the
 * frozen server clock) and then the message in the subscription's dead-letter queue.
 */
class SnsHttpSubscriberIT {
    private static final SqsClient SQS = TestServer.sqs();
    /** One POST the endpoint received, with the server clock's time at arrival. */
    record Received(Map<String, List<String>> headers, String body, long serverMillis) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        JsonNode json() {
            return SnsClients.readJson(body);
        }
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger answer = new AtomicInteger(200);
    /** While holding, each answer waits for a permit, so the test knows when SNS gets it. */
    private volatile boolean holding;
    private final Semaphore gate = new Semaphore(0);
    private HttpServer server;
    private String endpoint;

    @BeforeEach
    void startEndpoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/sns", this::handle);
        server.start();
        endpoint = "http://127.0.0.1:" + server.getAddress().getPort() + "/sns";
    }

    @AfterEach
    void stopEndpoint() {
        holding = false;
        gate.release(100);
        clock().resetToSystem();
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(Map.copyOf(exchange.getRequestHeaders()), body, clock().millis()));
        if (holding) {
            try {
                gate.tryAcquire(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        exchange.sendResponseHeaders(answer.get(), -1);
        exchange.close();
    }

    private static ServerClock clock() {
        return TestServer.get().clock();
    }

    private Received awaitReceived(int count) {
        return await(count + " POSTs to the endpoint", () -> received.size() >= count ? received.get(count - 1) : null);
    }

    /** Subscribes the endpoint, checks and verifies the SubscriptionConfirmation, confirms by GETting SubscribeURL. */
    private String subscribeAndConfirm(String topic, Map<String, String> attributes) {
        int before = received.size();
        String arn = SNS.subscribe(b -> b.topicArn(topic).protocol("http").endpoint(endpoint)
                .returnSubscriptionArn(true).attributes(attributes)).subscriptionArn();
        Received confirmation = awaitReceived(before + 1);
        JsonNode message = confirmation.json();
        assertThat(confirmation.header("x-amz-sns-message-type")).isEqualTo("SubscriptionConfirmation");
        assertThat(confirmation.header("x-amz-sns-message-id")).isEqualTo(message.get("MessageId").asText());
        assertThat(confirmation.header("x-amz-sns-topic-arn")).isEqualTo(topic);
        assertThat(confirmation.header("Upgrade")).as("plain HTTP/1.1, as SNS posts").isNull();
        assertThat(confirmation.header("Accept-Encoding")).as("as recorded on AWS").isEqualTo("gzip,deflate");
        assertThat(message.get("Type").asText()).isEqualTo("SubscriptionConfirmation");
        assertThat(message.get("TopicArn").asText()).isEqualTo(topic);
        assertThat(message.get("Token").asText()).isNotEmpty();
        assertThat(verify(message)).as("SubscriptionConfirmation signature").isTrue();

        SnsClients.Response confirmed = SnsClients.get(URI.create(message.get("SubscribeURL").asText()));
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.body()).contains("ConfirmSubscriptionResponse").contains(arn);
        assertThat(SNS.getSubscriptionAttributes(b -> b.subscriptionArn(arn)).attributes())
                .containsEntry("PendingConfirmation", "false")
                .containsEntry("ConfirmationWasAuthenticated", "false");
        return arn;
    }

    // ---- signature verification, as https://docs.aws.amazon.com/sns/latest/dg/sns-verify-signature-of-message.html ----

    private static final List<String> NOTIFICATION_FIELDS = List.of("Message", "MessageId", "Subject", "Timestamp",
            "TopicArn", "Type");
    private static final List<String> CONFIRMATION_FIELDS = List.of("Message", "MessageId", "SubscribeURL",
            "Timestamp", "Token", "TopicArn", "Type");

    static String stringToSign(JsonNode message) {
        boolean notification = message.get("Type").asText().equals("Notification");
        StringBuilder out = new StringBuilder();
        for (String field : notification ? NOTIFICATION_FIELDS : CONFIRMATION_FIELDS) {
            JsonNode value = message.get(field);
            if (value != null && !value.isNull()) {
                out.append(field).append('\n').append(value.asText()).append('\n');
            }
        }
        return out.toString();
    }

    static boolean verify(JsonNode message) {
        try {
            String version = message.get("SignatureVersion").asText();
            String algorithm = switch (version) {
                case "1" -> "SHA1withRSA";
                case "2" -> "SHA256withRSA";
                default -> throw new AssertionError("unknown SignatureVersion " + version);
            };
            URI certUrl = URI.create(message.get("SigningCertURL").asText());
            assertThat(certUrl.getHost()).isEqualTo("127.0.0.1");
            SnsClients.Response pem = SnsClients.get(certUrl);
            assertThat(pem.status()).isEqualTo(200);
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.body().getBytes(StandardCharsets.US_ASCII)));
            certificate.checkValidity();
            Signature signature = Signature.getInstance(algorithm);
            signature.initVerify(certificate.getPublicKey());
            signature.update(stringToSign(message).getBytes(StandardCharsets.UTF_8));
            return signature.verify(Base64.getDecoder().decode(message.get("Signature").asText()));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest(name = "SignatureVersion {0}")
    @ValueSource(strings = {"1", "2"})
    void confirmsThroughSubscribeUrlAndReceivesSignedNotifications(String signatureVersion) {
        String topic = SNS.createTopic(b -> b.name(SnsClients.name("http-signed"))
                .attributes(Map.of("SignatureVersion", signatureVersion))).topicArn();
        String subscription = subscribeAndConfirm(topic, Map.of());

        String withSubject = SNS.publish(b -> b.topicArn(topic).subject("Invoice").message("Invoice #7 is ready"))
                .messageId();
        Received first = awaitReceived(2);
        String withoutSubject = SNS.publish(b -> b.topicArn(topic).message("{\"json\":\"payload\", \"n\": 1}"))
                .messageId();
        Received second = awaitReceived(3);

        for (Received r : List.of(first, second)) {
            assertThat(r.header("x-amz-sns-message-type")).isEqualTo("Notification");
            assertThat(r.header("x-amz-sns-topic-arn")).isEqualTo(topic);
            assertThat(r.header("x-amz-sns-subscription-arn")).isEqualTo(subscription);
            assertThat(r.header("x-amz-sns-message-id")).isEqualTo(r.json().get("MessageId").asText());
            assertThat(r.header("Content-Type")).startsWith("text/plain");
            JsonNode message = r.json();
            assertThat(message.get("Type").asText()).isEqualTo("Notification");
            assertThat(message.get("SignatureVersion").asText()).isEqualTo(signatureVersion);
            assertThat(verify(message)).as("Notification signature").isTrue();
        }
        assertThat(first.json().get("MessageId").asText()).isEqualTo(withSubject);
        assertThat(first.json().get("Subject").asText()).isEqualTo("Invoice");
        assertThat(first.json().get("Message").asText()).isEqualTo("Invoice #7 is ready");
        assertThat(second.json().get("MessageId").asText()).isEqualTo(withoutSubject);
        assertThat(second.json().has("Subject")).isFalse();
        assertThat(second.json().get("Message").asText()).isEqualTo("{\"json\":\"payload\", \"n\": 1}");

        // The check is real: a tampered message does not verify.
        var tampered = (com.fasterxml.jackson.databind.node.ObjectNode) first.json();
        tampered.put("Message", "Invoice #8 is ready");
        assertThat(verify(tampered)).isFalse();
    }

    @Test
    void rawDeliveryPostsTheBareMessage() {
        String topic = SnsClients.createTopic("http-raw");
        subscribeAndConfirm(topic, Map.of("RawMessageDelivery", "true"));
        SNS.publish(b -> b.topicArn(topic).message("just the text"));
        Received r = awaitReceived(2);
        assertThat(r.body()).isEqualTo("just the text");
        assertThat(r.header("x-amz-sns-message-type")).isEqualTo("Notification");
        assertThat(r.header("x-amz-sns-rawdelivery")).isEqualTo("true");
    }

    @Test
    void unsubscribeUrlRemovesTheSubscription() {
        String topic = SnsClients.createTopic("http-unsubscribe");
        String subscription = subscribeAndConfirm(topic, Map.of());
        SNS.publish(b -> b.topicArn(topic).message("bye"));
        JsonNode notification = awaitReceived(2).json();

        SnsClients.Response response = SnsClients.get(URI.create(notification.get("UnsubscribeURL").asText()));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("UnsubscribeResponse");
        SnsClients.notFound(() -> SNS.getSubscriptionAttributes(b -> b.subscriptionArn(subscription)));
        // The endpoint is told, with a token of its own and the subscription named, as recorded on AWS.
        Received told = awaitReceived(3);
        assertThat(told.header("x-amz-sns-message-type")).isEqualTo("UnsubscribeConfirmation");
        assertThat(told.header("x-amz-sns-subscription-arn")).isEqualTo(subscription);
        assertThat(told.header("Accept-Encoding")).isEqualTo("gzip,deflate");
        assertThat(told.json().get("Token").asText()).isNotEqualTo(received.get(0).json().get("Token").asText());
        assertThat(verify(told.json())).isTrue();
    }

    @Test
    void failedDeliveriesAreRetriedPerTheDeliveryPolicyThenRedrivenToTheDeadLetterQueue() {
        String topic = SnsClients.createTopic("http-retry");
        SnsFanOutIT.Queue dlq = SnsFanOutIT.queue(SQS, "http-dlq");
        // After the first attempt: one immediate retry, one after minDelayTarget, one after maxDelayTarget.
        String policy = "{\"healthyRetryPolicy\":{\"numRetries\":3,\"numNoDelayRetries\":1,\"minDelayTarget\":2,"
                + "\"numMinDelayRetries\":1,\"maxDelayTarget\":5,\"numMaxDelayRetries\":1,\"backoffFunction\":\"linear\"}}";
        String subscription = subscribeAndConfirm(topic, Map.of("DeliveryPolicy", policy,
                "RedrivePolicy", "{\"deadLetterTargetArn\":\"" + dlq.arn() + "\"}"));
        JsonNode effective = SnsClients.readJson(SNS.getSubscriptionAttributes(b -> b.subscriptionArn(subscription))
                .attributes().get("EffectiveDeliveryPolicy")).get("healthyRetryPolicy");
        assertThat(effective.get("numRetries").asInt()).isEqualTo(3);
        assertThat(effective.get("minDelayTarget").asInt()).isEqualTo(2);
        assertThat(effective.get("maxDelayTarget").asInt()).isEqualTo(5);

        answer.set(500);
        holding = true;
        ServerClock clock = clock();
        clock.freeze();
        long t0 = clock.millis();
        int before = received.size();

        String messageId = SNS.publish(b -> b.topicArn(topic).message("undeliverable")).messageId();

        // The first attempt and the immediate retry happen at once.
        Received attempt1 = awaitReceived(before + 1);
        assertThat(attempt1.serverMillis()).isEqualTo(t0);
        gate.release();
        Received attempt2 = awaitReceived(before + 2);
        assertThat(attempt2.serverMillis()).isEqualTo(t0);

        // The next retry waits minDelayTarget: not a millisecond less.
        answerAndAwaitRetryScheduled(clock, t0 + 2000);
        clock.advance(Duration.ofMillis(1999));
        assertThat(received).hasSize(before + 2);
        clock.advance(Duration.ofMillis(1));
        Received attempt3 = awaitReceived(before + 3);
        assertThat(attempt3.serverMillis()).isEqualTo(t0 + 2000);

        // The last one waits maxDelayTarget.
        answerAndAwaitRetryScheduled(clock, t0 + 7000);
        clock.advance(Duration.ofMillis(4999));
        assertThat(received).hasSize(before + 3);
        clock.advance(Duration.ofMillis(1));
        Received attempt4 = awaitReceived(before + 4);
        assertThat(attempt4.serverMillis()).isEqualTo(t0 + 7000);
        gate.release();

        for (Received attempt : List.of(attempt1, attempt2, attempt3, attempt4)) {
            assertThat(attempt.header("x-amz-sns-message-id")).isEqualTo(messageId);
            assertThat(attempt.json().get("Message").asText()).isEqualTo("undeliverable");
        }

        // Retries exhausted: the message goes to the dead-letter queue, and nothing more is attempted.
        Message dead = SnsFanOutIT.receive(SQS, dlq, 1).get(0);
        JsonNode envelope = SnsClients.readJson(dead.body());
        assertThat(envelope.get("MessageId").asText()).isEqualTo(messageId);
        assertThat(envelope.get("Message").asText()).isEqualTo("undeliverable");
        clock.advance(Duration.ofSeconds(60));
        assertThat(received).hasSize(before + 4);
    }

    /**
     * Lets the endpoint answer the attempt it holds, and waits until SNS has scheduled the retry for
     * {@code at}. Only tasks due then count: retries left by earlier tests to endpoints that are gone
     * come and go on the same server clock meanwhile.
     */
    private void answerAndAwaitRetryScheduled(ServerClock clock, long at) {
        int pending = clock.pendingTasksAt(at);
        gate.release();
        awaitTrue("retry scheduled at " + at, () -> clock.pendingTasksAt(at) == pending + 1);
    }

    private static void awaitTrue(String what, java.util.function.BooleanSupplier condition) {
        SnsClients.awaitTrue(what, condition);
    }
}
