package io.mailroom.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.mailroom.core.time.ServerClock;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opentest4j.AssertionFailedError;
import software.amazon.awssdk.services.sns.SnsClient;

/** Waiting for SNS deliveries to an HTTP endpoint: what it returns, that it waits, and what it says when it gives up. */
class HttpDeliveryAwaitTest {
    @RegisterExtension
    static final MailroomExtension MAILROOM = MailroomExtension.perClass().resetBeforeEachTest();

    private SnsClient sns;
    private URI mailroom;
    private Await await;
    private HttpServer subscriber;
    private String endpoint;
    /** What the subscriber answers. */
    private final AtomicInteger answer = new AtomicInteger(200);
    private final List<String> received = new CopyOnWriteArrayList<>();
    private String topicArn;

    @BeforeEach
    void startSubscriber(SnsClient sns, URI mailroom, Await await) throws IOException {
        this.sns = sns;
        this.mailroom = mailroom;
        // Failing waits in this class are expected; short timeouts keep them quick.
        this.await = await.within(Duration.ofMillis(100));
        subscriber = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        subscriber.createContext("/hook", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(answer.get(), -1);
            exchange.close();
        });
        subscriber.start();
        endpoint = "http://127.0.0.1:" + subscriber.getAddress().getPort() + "/hook";
        topicArn = sns.createTopic(b -> b.name("orders")).topicArn();
    }

    @AfterEach
    void stopSubscriber() {
        subscriber.stop(0);
    }

    /** Subscribes the endpoint and confirms with the token from {@code GET /_aws/sns/subscription-tokens/{arn}}. */
    private String subscribeAndConfirm() throws Exception {
        String arn = sns.subscribe(b -> b.topicArn(topicArn).protocol("http").endpoint(endpoint)
                .returnSubscriptionArn(true)).subscriptionArn();
        HttpResponse<String> token = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(mailroom
                + "/_aws/sns/subscription-tokens/" + URLEncoder.encode(arn, StandardCharsets.UTF_8))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).isEqualTo(200);
        String value = new ObjectMapper().readTree(token.body()).get("subscription_token").asText();
        sns.confirmSubscription(b -> b.topicArn(topicArn).token(value));
        return arn;
    }

    private String publish(String message) {
        return sns.publish(b -> b.topicArn(topicArn).message(message)).messageId();
    }

    @Test
    void returnsTheDeliveryOfAPublishedMessageNotTheConfirmation() throws Exception {
        String subscription = subscribeAndConfirm();
        String id = publish("order 42");

        HttpDelivery delivery = await.within(Duration.ofSeconds(10)).httpDelivery(endpoint);

        assertThat(delivery).isEqualTo(new HttpDelivery(topicArn, subscription, endpoint, id, "DELIVERED", 1, 200));
        assertThat(delivery.isDelivered()).isTrue();
        assertThat(received).anyMatch(body -> body.contains("order 42"));
    }

    @Test
    void matchesAPredicate() throws Exception {
        subscribeAndConfirm();
        publish("order 41");
        String second = publish("order 42");

        HttpDelivery delivery = await.within(Duration.ofSeconds(10))
                .httpDelivery(endpoint, d -> d.messageId().equals(second) && d.isDelivered());

        assertThat(delivery.messageId()).isEqualTo(second);
    }

    @Test
    void waitsForTheFailureAfterTheRetries(ServerClock clock) throws Exception {
        subscribeAndConfirm();
        answer.set(500);
        String id = publish("refused");
        Await patient = await.within(Duration.ofSeconds(10));

        // The first answer: RETRYING with the endpoint's status (while an attempt is in flight, its status is not known).
        HttpDelivery retrying = patient.httpDelivery(endpoint, "the first attempt, refused",
                d -> d.status().equals(HttpDelivery.RETRYING) && d.lastHttpStatus() != null);
        assertThat(retrying).isEqualTo(new HttpDelivery(topicArn, retrying.subscriptionArn(), endpoint, id,
                "RETRYING", 1, 500));

        // The default policy retries 3 times, 20 s apart on the server clock; a retry is scheduled once the
        // previous answer is in, so move the clock on until SNS gives up.
        HttpDelivery failed = null;
        for (int i = 0; i < 100 && failed == null; i++) {
            clock.advance(Duration.ofSeconds(20));
            try {
                failed = await.within(Duration.ofMillis(50)).httpDelivery(endpoint, HttpDelivery::isGivenUp);
            } catch (AssertionFailedError notYet) {
                // the next retry is in flight or not yet scheduled
            }
        }

        assertThat(failed).isNotNull();
        assertThat(failed.messageId()).isEqualTo(id);
        assertThat(failed.status()).isEqualTo(HttpDelivery.FAILED);
        assertThat(failed.attempts()).isEqualTo(4);
        assertThat(failed.lastHttpStatus()).isEqualTo(500);
        assertThat(failed.isDelivered()).isFalse();
    }

    @Test
    void failsListingTheDeliveriesToTheEndpoint() throws Exception {
        String subscription = subscribeAndConfirm();
        answer.set(500);
        String id = publish("refused");
        await.within(Duration.ofSeconds(10)).httpDelivery(endpoint, d -> d.status().equals(HttpDelivery.RETRYING));

        AssertionFailedError failure = catchThrowableOfType(AssertionFailedError.class,
                () -> await.httpDelivery(endpoint));

        assertThat(failure).hasMessage("No HTTP delivery matching delivered (2xx) to " + endpoint
                + " within 100 ms. SNS made 1 delivery to it:\n"
                + "  1. [RETRYING] message " + id + " from " + topicArn
                + ", 1 attempt, last HTTP 500, last error \"HTTP status 500\"");
        assertThat(subscription).isNotNull();
    }

    @Test
    void failsSayingThatNoDeliveryWasMade() throws Exception {
        subscribeAndConfirm();

        AssertionFailedError failure = catchThrowableOfType(AssertionFailedError.class,
                () -> await.httpDelivery(endpoint, "anything", d -> true));

        assertThat(failure).hasMessage("No HTTP delivery matching anything to " + endpoint
                + " within 100 ms. SNS made no delivery to it.");
    }

    @Test
    void failsSayingThatTheSubscriptionIsPending() {
        String arn = sns.subscribe(b -> b.topicArn(topicArn).protocol("http").endpoint(endpoint)
                .returnSubscriptionArn(true)).subscriptionArn();

        AssertionFailedError failure = catchThrowableOfType(AssertionFailedError.class,
                () -> await.httpDelivery(endpoint));

        assertThat(failure).hasMessage("No HTTP delivery matching delivered (2xx) to " + endpoint
                + " within 100 ms. Subscription " + arn + " is pending confirmation. SNS made no delivery to it.");
    }

    @Test
    void failsSayingThatNoSubscriptionHasTheEndpoint() throws Exception {
        subscribeAndConfirm();
        String other = "http://127.0.0.1:1/elsewhere";

        AssertionFailedError failure = catchThrowableOfType(AssertionFailedError.class,
                () -> await.httpDelivery(other));

        assertThat(failure).hasMessage("No HTTP delivery matching delivered (2xx) to " + other
                + " within 100 ms. No subscription has the endpoint " + other
                + "; HTTP/HTTPS subscriptions have [" + endpoint + "].");
    }

    @Test
    void worksAgainstAnEndpoint() throws Exception {
        subscribeAndConfirm();
        String id = publish("remote");

        assertThat(Await.on(mailroom).httpDelivery(endpoint).messageId()).isEqualTo(id);
    }
}
