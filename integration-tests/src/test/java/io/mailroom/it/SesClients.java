package io.mailroom.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ses.SesClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * What the SES test classes share: SDK v2 SES (v1 Query and v2 REST-JSON), SNS and SQS clients for one
 * account (each test class takes its own 12-digit account id, so identities and templates never collide),
 * the sent-mail endpoints, MIME parsing, SNS→SQS notification plumbing and bounded awaiting.
 */
final class SesClients {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Clients for one account in us-east-1. */
    record Account(String id, SesClient ses, SesV2Client v2, SnsClient sns, SqsClient sqs) {
        String identityArn(String identity) {
            return "arn:aws:ses:us-east-1:" + id + ":identity/" + identity;
        }

        /** Creates a topic and a queue subscribed to it (enveloped delivery); answers both. */
        Feed feed(String prefix) {
            String topic = sns.createTopic(b -> b.name(name(prefix))).topicArn();
            String url = sqs.createQueue(b -> b.queueName(name(prefix))).queueUrl();
            String arn = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
            sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(arn));
            return new Feed(this, topic, url);
        }
    }

    /**
     * An SNS notification as the queue received it: the envelope's Subject (null without one) and its Message,
     * parsed when it is SES's JSON, else as text (the validation message of a new event destination).
     */
    record Notification(String subject, JsonNode message) {
    }

    /**
     * An SNS topic with an SQS queue subscribed: what an SES monitoring setup looks like. Notifications received
     * are kept until a test claims them by message id, so a late one never leaks into another test's assertion.
     */
    static final class Feed {
        private final Account account;
        private final String topicArn;
        private final String queueUrl;
        private final List<Notification> received = new ArrayList<>();

        Feed(Account account, String topicArn, String queueUrl) {
            this.account = account;
            this.topicArn = topicArn;
            this.queueUrl = queueUrl;
        }

        String topicArn() {
            return topicArn;
        }

        String queueUrl() {
            return queueUrl;
        }

        /** Receives (and deletes) what the queue holds now into the buffer. */
        private void poll() {
            while (true) {
                List<Message> batch = account.sqs().receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                        .waitTimeSeconds(0)).messages();
                if (batch.isEmpty()) {
                    return;
                }
                for (Message m : batch) {
                    JsonNode envelope = readJson(m.body());
                    assertThat(envelope.path("Type").asText()).isEqualTo("Notification");
                    assertThat(envelope.path("TopicArn").asText()).isEqualTo(topicArn);
                    // SES publishes without a request to name the host: the links still lead to this server.
                    assertThat(envelope.path("SigningCertURL").asText()).startsWith(TestServer.endpoint().toString());
                    String message = envelope.path("Message").asText();
                    received.add(new Notification(envelope.has("Subject") ? envelope.get("Subject").asText() : null,
                            message.startsWith("{") ? readJson(message) : TextNode.valueOf(message)));
                    account.sqs().deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
                }
            }
        }

        private List<Notification> claim(Predicate<JsonNode> which) {
            List<Notification> mine = received.stream().filter(n -> which.test(n.message())).toList();
            received.removeAll(mine);
            return mine;
        }

        private List<Notification> claim(String messageId) {
            return claim(m -> m.path("mail").path("messageId").asText().equals(messageId));
        }

        /** Awaits (≤ 10 s) {@code count} notifications about this message, envelopes included; fails on more. */
        List<Notification> awaitNotifications(String messageId, int count) {
            List<Notification> mine = new ArrayList<>();
            SesClients.await(count + " notification(s) about " + messageId + " on " + topicArn, () -> {
                poll();
                mine.addAll(claim(messageId));
                return mine.size() >= count ? mine : null;
            });
            assertThat(mine).as("notifications about %s", messageId).hasSize(count);
            return mine;
        }

        /** Awaits (≤ 10 s) {@code count} notifications about this message; fails if more arrived by then. */
        List<JsonNode> await(String messageId, int count) {
            return awaitNotifications(messageId, count).stream().map(Notification::message).toList();
        }

        /** Awaits (≤ 10 s) the next plain-text notification, one that is about no message. */
        Notification awaitText() {
            return SesClients.await("a plain-text notification on " + topicArn, () -> {
                poll();
                List<Notification> text = received.stream().filter(n -> n.message().isTextual()).limit(1).toList();
                received.removeAll(text);
                return text.isEmpty() ? null : text.get(0);
            });
        }

        /** Awaits the one notification about this message. */
        JsonNode await(String messageId) {
            return await(messageId, 1).get(0);
        }

        /** What arrived about this message so far (no waiting). */
        List<JsonNode> now(String messageId) {
            poll();
            return claim(messageId).stream().map(Notification::message).toList();
        }
    }

    private SesClients() {
    }

    static Account account(String accountId) {
        StaticCredentialsProvider credentials = TestServer.credentialsFor(accountId);
        URI endpoint = TestServer.endpoint();
        return new Account(accountId,
                SesClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(credentials)
                        .httpClient(Apache5HttpClient.create()).build(),
                SesV2Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                        .credentialsProvider(credentials).httpClient(Apache5HttpClient.create()).build(),
                SnsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(credentials)
                        .httpClient(Apache5HttpClient.create()).build(),
                TestServer.sqs(credentials, Region.US_EAST_1));
    }

    /** A name no other test uses: {@code prefix-N-pid}. */
    static String name(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet() + "-" + ProcessHandle.current().pid();
    }

    /** A unique address at {@code domain}. */
    static String address(String localPrefix, String domain) {
        return name(localPrefix) + "@" + domain;
    }

    // ---- errors ----

    /** Runs {@code call}, expects {@code type} with this error code and HTTP status; answers the exception. */
    static <T extends AwsServiceException> T error(Class<T> type, String code, int status, ThrowingCallable call) {
        T e = catchThrowableOfType(call, type);
        assertThat(e).as("expected %s", type.getSimpleName()).isNotNull();
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
        assertThat(e.statusCode()).isEqualTo(status);
        return e;
    }

    // ---- sent mail: /_aws/ses and .eml ----

    record Response(int status, String contentType, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            return readJson(text());
        }
    }

    /** The LocalStack view of one message ({@code GET /_aws/ses?id=}); fails unless exactly one matches. */
    static JsonNode sentMessage(String messageId) {
        JsonNode messages = get("/_aws/ses?id=" + encode(messageId)).json().path("messages");
        assertThat(messages).as("messages with id %s", messageId).hasSize(1);
        return messages.get(0);
    }

    /** Messages whose Source is {@code source} ({@code GET /_aws/ses?email=}). */
    static JsonNode sentFrom(String source) {
        return get("/_aws/ses?email=" + encode(source)).json().path("messages");
    }

    /** The stored RFC 5322 message, parsed back with jakarta.mail. */
    static MimeMessage eml(String messageId) {
        Response r = get("/_mailroom/ses/messages/" + messageId + ".eml");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("message/rfc822");
        return parse(r.body());
    }

    static MimeMessage parse(byte[] raw) {
        try {
            return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Response get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(TestServer.endpoint() + pathAndQuery)).GET());
    }

    static Response delete(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(TestServer.endpoint() + pathAndQuery)).DELETE());
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> r = HTTP.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode readJson(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- awaiting asynchronous notifications ----

    /** Polls {@code probe} every 10 ms for up to 10 s (a loaded CI machine) until it answers non-null; fails the test otherwise. */
    static <T> T await(String what, Supplier<T> probe) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }
}
