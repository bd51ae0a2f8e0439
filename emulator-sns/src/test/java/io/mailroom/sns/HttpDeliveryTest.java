package io.mailroom.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailroom.core.request.RequestContext;
import io.mailroom.sns.delivery.DeliveryStatus;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class HttpDeliveryTest extends SnsTestSupport {
    static final String URL = "http://hooks.test/sns";

    private String confirmedHttpSubscription(String topic, String attributes) {
        return confirmedHttpSubscription(topic, URL, attributes);
    }

    private String confirmedHttpSubscription(String topic, String endpoint, String attributes) {
        String arn = call("Subscribe", "{'TopicArn':'" + topic + "','Protocol':'http','Endpoint':'" + endpoint + "'"
                + (attributes == null ? "" : ",'Attributes':" + attributes) + ",'ReturnSubscriptionArn':true}")
                .get("SubscriptionArn").asText();
        String token = sns.subscriptionToken(arn).orElseThrow().get("subscription_token").asText();
        call("ConfirmSubscription", "{'TopicArn':'" + topic + "','Token':'" + token + "'}");
        http.posts.clear();
        return arn;
    }

    private io.mailroom.sns.delivery.DeliveryRecord lastRecord(String arn) {
        List<io.mailroom.sns.delivery.DeliveryRecord> records = sns.deliveryRecords(arn);
        return records.get(records.size() - 1);
    }

    @Test
    void subscribeSendsASignedConfirmationAndConfirmingActivates() throws Exception {
        String topic = createTopic("t");
        String answer = call("Subscribe", "{'TopicArn':'" + topic + "','Protocol':'http','Endpoint':'" + URL + "'}")
                .get("SubscriptionArn").asText();
        assertThat(answer).isEqualTo("pending confirmation");
        FakeHttp.Post post = http.ofType("SubscriptionConfirmation").get(0);
        assertThat(post.target().toString()).isEqualTo(URL);
        assertThat(post.headers()).containsEntry("x-amz-sns-topic-arn", topic)
                .containsEntry("Content-Type", "text/plain; charset=UTF-8").doesNotContainKey("x-amz-sns-subscription-arn")
                .containsEntry("User-Agent", "Amazon Simple Notification Service Agent")
                .containsEntry("Accept-Encoding", "gzip,deflate");
        JsonNode body = parse(post.body());
        assertThat(post.headers().get("x-amz-sns-message-id")).isEqualTo(body.get("MessageId").asText());
        String token = body.get("Token").asText();
        assertThat(body.get("SubscribeURL").asText())
                .isEqualTo("http://localhost:4566/?Action=ConfirmSubscription&TopicArn=" + topic + "&Token=" + token);
        assertThat(body.get("Message").asText()).startsWith("You have chosen to subscribe to the topic " + topic);
        assertThat(verifies(body)).isTrue();

        JsonNode subs = call("ListSubscriptionsByTopic", "{'TopicArn':'" + topic + "'}").get("Subscriptions");
        assertThat(subs.get(0).get("SubscriptionArn").asText()).isEqualTo("PendingConfirmation");
        JsonNode attrs = call("GetTopicAttributes", "{'TopicArn':'" + topic + "'}").get("Attributes");
        assertThat(attrs.get("SubscriptionsPending").asText()).isEqualTo("1");

        // nothing is delivered while pending
        call("Publish", "{'TopicArn':'" + topic + "','Message':'early'}");
        assertThat(http.ofType("Notification")).isEmpty();

        fails("ConfirmSubscription", "{'TopicArn':'" + topic + "','Token':'bogus'}", "InvalidParameter", "Invalid token");
        String arn = sns.confirmSubscriptionFromUrl(CTX, topic, token).get("SubscriptionArn").asText();
        JsonNode sa = call("GetSubscriptionAttributes", "{'SubscriptionArn':'" + arn + "'}").get("Attributes");
        assertThat(sa.get("PendingConfirmation").asText()).isEqualTo("false");
        assertThat(sa.get("ConfirmationWasAuthenticated").asText()).isEqualTo("false");
        assertThat(parse(sa.get("EffectiveDeliveryPolicy").asText()).at("/healthyRetryPolicy/numRetries").asInt()).isEqualTo(3);

        call("Publish", "{'TopicArn':'" + topic + "','Message':'hello'}");
        FakeHttp.Post n = http.ofType("Notification").get(0);
        assertThat(n.headers()).containsEntry("x-amz-sns-subscription-arn", arn).containsEntry("x-amz-sns-topic-arn", topic)
                .containsEntry("Accept-Encoding", "gzip,deflate");
        assertThat(verifies(parse(n.body()))).isTrue();
    }

    @Test
    void aSubscribeUrlConfirmsInTheTopicsOwnRegionAndATokenOnlyThere() {
        RequestContext frankfurt = new RequestContext(ACCOUNT, "eu-central-1", "req-2", CTX.endpoint());
        String topic = call(frankfurt, "CreateTopic", "{'Name':'far'}").get("TopicArn").asText();
        String arn = call(frankfurt, "Subscribe", "{'TopicArn':'" + topic + "','Protocol':'https','Endpoint':"
                + "'https://hooks.test/far','ReturnSubscriptionArn':true}").get("SubscriptionArn").asText();
        String token = sns.subscriptionToken(arn).orElseThrow().get("subscription_token").asText();
        // Signed in another region, the token names no subscription there.
        assertThat(invalidParameter("ConfirmSubscription", "{'TopicArn':'" + createTopic("near") + "','Token':'"
                + token + "'}")).isEqualTo("Invalid parameter: Token");
        // The unsigned link carries no region but its TopicArn's, whatever the server's default region.
        assertThat(sns.confirmSubscriptionFromUrl(CTX, topic, token).get("SubscriptionArn").asText()).isEqualTo(arn);
    }

    @Test
    void confirmSubscriptionFindsTheSubscriptionByItsTokenAlone() {
        String topic = createTopic("t");
        String arn = subscribe(topic, "https", "https://hooks.test/x");
        String token = sns.subscriptionToken(arn).orElseThrow().get("subscription_token").asText();
        String unknown = "51b2ff3edb475b7d91550e0ab6edf0c1de2a34e6ebaf6c2262a001bcb7e051c4";
        // As recorded on AWS.
        assertThat(invalidParameter("ConfirmSubscription", "{'TopicArn':'" + topic + "','Token':'randomtoken'}"))
                .isEqualTo("Invalid token");
        assertThat(invalidParameter("ConfirmSubscription", "{'TopicArn':'" + topic + "','Token':'abc123'}"))
                .isEqualTo("Invalid parameter: Token");
        assertThat(invalidParameter("ConfirmSubscription", "{'TopicArn':'" + topic + "i','Token':'" + unknown + "'}"))
                .isEqualTo("Invalid parameter: Token");
        assertThat(invalidParameter("ConfirmSubscription", "{'TopicArn':'not-an-arn','Token':'" + token + "'}"))
                .isEqualTo("Invalid parameter: Topic");
        assertThat(invalidParameter("ConfirmSubscription", "{'TopicArn':'" + topic.replace("us-east-1", "eu-central-1")
                + "','Token':'" + token + "'}")).isEqualTo("Invalid parameter: Topic");
        assertThat(call("GetSubscriptionAttributes", "{'SubscriptionArn':'" + arn + "'}").get("Attributes")
                .get("PendingConfirmation").asText()).isEqualTo("true");
        // A TopicArn of this region naming no topic still confirms the token's subscription.
        assertThat(sns.confirmSubscriptionFromUrl(CTX, topic + "-gone", token).get("SubscriptionArn").asText())
                .isEqualTo(arn);
        assertThat(call("GetSubscriptionAttributes", "{'SubscriptionArn':'" + arn + "'}").get("Attributes")
                .get("PendingConfirmation").asText()).isEqualTo("false");
    }

    @Test
    void confirmationTokensExpireAfterTwoDays() {
        String topic = createTopic("t");
        String arn = subscribe(topic, "https", "https://hooks.test/x");
        String token = sns.subscriptionToken(arn).orElseThrow().get("subscription_token").asText();
        clock.advance(Duration.ofDays(2).plusSeconds(1));
        fails("ConfirmSubscription", "{'TopicArn':'" + topic + "','Token':'" + token + "'}", "InvalidParameter", "Token");
    }

    @Test
    void failuresAreRetriedPerTheDefaultPolicyThenDeadLettered() {
        String topic = createTopic("t");
        String dlq = "arn:aws:sqs:us-east-1:123456789012:dlq";
        queues.create(dlq);
        String arn = confirmedHttpSubscription(topic, "{'RedrivePolicy':" + js("{\"deadLetterTargetArn\":\"" + dlq + "\"}") + "}");
        http.answer = p -> 500;
        long t0 = clock.millis();
        call("Publish", "{'TopicArn':'" + topic + "','Message':'hello'}");
        assertThat(http.posts).hasSize(1);
        assertThat(lastRecord(arn).status()).isEqualTo(DeliveryStatus.RETRYING);
        clock.advance(Duration.ofSeconds(19));
        assertThat(http.posts).hasSize(1);
        clock.advance(Duration.ofSeconds(100));
        // default: 3 retries, 20 seconds apart
        assertThat(http.posts).extracting(p -> (p.at() - t0) / 1000).containsExactly(0L, 20L, 40L, 60L);
        assertThat(queues.messages(dlq)).singleElement()
                .satisfies(m -> assertThat(parse(m.body()).get("Message").asText()).isEqualTo("hello"));
        assertThat(lastRecord(arn)).satisfies(r -> {
            assertThat(r.status()).isEqualTo(DeliveryStatus.REDRIVEN);
            assertThat(r.attempts()).isEqualTo(4);
            assertThat(r.lastHttpStatus()).isEqualTo(500);
        });
        assertThat(clock.pendingTasks()).isZero();
    }

    @Test
    void customPolicyRunsAllFourPhases() {
        String topic = createTopic("t");
        String policy = "{\"healthyRetryPolicy\":{\"numRetries\":8,\"numNoDelayRetries\":2,\"minDelayTarget\":5,"
                + "\"numMinDelayRetries\":2,\"maxDelayTarget\":25,\"numMaxDelayRetries\":2,\"backoffFunction\":\"linear\"}}";
        confirmedHttpSubscription(topic, "{'DeliveryPolicy':" + js(policy) + "}");
        http.answer = p -> null; // no answer at all
        long t0 = clock.millis();
        call("Publish", "{'TopicArn':'" + topic + "','Message':'hello'}");
        clock.advance(Duration.ofMinutes(10));
        // immediate ×2, pre-backoff 5s ×2, backoff linear 5→25 over 2 retries (15, 25), post-backoff 25s ×2
        List<Long> offsets = http.posts.stream().map(p -> (p.at() - t0) / 1000).toList();
        assertThat(offsets).containsExactly(0L, 0L, 0L, 5L, 10L, 25L, 50L, 75L, 100L);
    }

    @Test
    void aThrottlePolicyPacesDeliveriesRetriesIncluded() {
        String topic = createTopic("t");
        confirmedHttpSubscription(topic, "{'DeliveryPolicy':" + js("{\"healthyRetryPolicy\":{\"numRetries\":1,"
                + "\"numNoDelayRetries\":1,\"minDelayTarget\":1,\"maxDelayTarget\":1,\"numMinDelayRetries\":0,"
                + "\"numMaxDelayRetries\":0,\"backoffFunction\":\"linear\"},\"throttlePolicy\":{\"maxReceivesPerSecond\":2}}")
                + "}");
        String other = "http://example.test/other";
        confirmedHttpSubscription(topic, other, null);
        int[] calls = {0};
        http.answer = p -> p.target().toString().equals(URL) && ++calls[0] == 1 ? 500 : 200;
        long t0 = clock.millis();
        for (int i = 0; i < 4; i++) {
            call("Publish", "{'TopicArn':'" + topic + "','Message':'m" + i + "'}");
        }
        clock.advance(Duration.ofSeconds(10));
        List<Long> throttled = http.posts.stream().filter(p -> p.target().toString().equals(URL))
                .map(p -> p.at() - t0).toList();
        // Two a second: the first tries of the four messages and the immediate retry of the one that failed.
        assertThat(throttled).containsExactly(0L, 500L, 1000L, 1500L, 2000L);
        assertThat(http.posts.stream().filter(p -> p.target().toString().equals(other)).map(p -> p.at() - t0))
                .as("another subscription is not held up").containsExactly(0L, 0L, 0L, 0L);
    }

    @Test
    void aDeadEndpointDoesNotHoldUpOtherSubscribers() {
        String topic = createTopic("t");
        confirmedHttpSubscription(topic, null);
        subscribe(topic, "sqs", QUEUE);
        http.answer = p -> null;
        call("Publish", "{'TopicArn':'" + topic + "','Message':'hello'}");
        assertThat(queues.messages(QUEUE)).hasSize(1);
        assertThat(clock.pendingTasks()).isEqualTo(1);
    }

    @Test
    void successAfterARetryStops() {
        String topic = createTopic("t");
        String arn = confirmedHttpSubscription(topic, null);
        int[] calls = {0};
        http.answer = p -> ++calls[0] == 1 ? 503 : 204;
        call("Publish", "{'TopicArn':'" + topic + "','Message':'hello'}");
        clock.advance(Duration.ofMinutes(5));
        assertThat(http.posts).hasSize(2);
        assertThat(lastRecord(arn).status()).isEqualTo(DeliveryStatus.DELIVERED);
    }

    @Test
    void rawHttpDeliveryAndContentTypeFromPolicy() {
        String topic = createTopic("t");
        confirmedHttpSubscription(topic, "{'RawMessageDelivery':'true','DeliveryPolicy':"
                + js("{\"requestPolicy\":{\"headerContentType\":\"application/json\"}}") + "}");
        call("Publish", "{'TopicArn':'" + topic + "','Message':'{}'}");
        FakeHttp.Post p = http.ofType("Notification").get(0);
        assertThat(p.body()).isEqualTo("{}");
        assertThat(p.headers()).containsEntry("Content-Type", "application/json").containsEntry("x-amz-sns-rawdelivery", "true");
    }

    @Test
    void unsubscribeByAnotherAccountSendsUnsubscribeConfirmation() throws Exception {
        String topic = createTopic("t");
        String arn = confirmedHttpSubscription(topic, null);
        String subscribeToken = sns.subscriptionToken(arn).orElseThrow().get("subscription_token").asText();
        sns.unsubscribeFromUrl(new RequestContext(ACCOUNT, REGION, "r", "http://localhost:4566"), arn);
        FakeHttp.Post post = http.ofType("UnsubscribeConfirmation").get(0);
        JsonNode body = parse(post.body());
        assertThat(body.get("Message").asText()).startsWith("You have chosen to deactivate subscription " + arn);
        assertThat(verifies(body)).isTrue();
        // As recorded on AWS: a token of its own, and the subscription named in a header.
        assertThat(body.get("Token").asText()).matches("[0-9a-f]+").isNotEqualTo(subscribeToken);
        assertThat(body.get("SubscribeURL").asText()).endsWith("&Token=" + body.get("Token").asText());
        assertThat(post.headers()).containsEntry("x-amz-sns-subscription-arn", arn)
                .containsEntry("x-amz-sns-message-type", "UnsubscribeConfirmation")
                .containsEntry("Accept-Encoding", "gzip,deflate");
        fails("GetSubscriptionAttributes", "{'SubscriptionArn':'" + arn + "'}", "NotFound", "Subscription does not exist");
    }

    @Test
    void authenticateOnUnsubscribeRefusesUnsignedUnsubscribe() {
        String topic = createTopic("t");
        String arn = subscribe(topic, "http", URL);
        String token = sns.subscriptionToken(arn).orElseThrow().get("subscription_token").asText();
        call("ConfirmSubscription", "{'TopicArn':'" + topic + "','Token':'" + token + "','AuthenticateOnUnsubscribe':'true'}");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sns.unsubscribeFromUrl(CTX, arn))
                .hasMessageContaining("requires authentication");
        call("Unsubscribe", "{'SubscriptionArn':'" + arn + "'}");
    }

    @Test
    void deliveryPolicyValidation() {
        String topic = createTopic("t");
        fails("Subscribe", "{'TopicArn':'" + topic + "','Protocol':'http','Endpoint':'" + URL + "','Attributes':{'DeliveryPolicy':"
                + js("{\"healthyRetryPolicy\":{\"minDelayTarget\":30,\"maxDelayTarget\":10}}") + "}}", "InvalidParameter",
                "minDelayTarget must be less than or equal to maxDelayTarget");
        fails("Subscribe", "{'TopicArn':'" + topic + "','Protocol':'http','Endpoint':'" + URL + "','Attributes':{'DeliveryPolicy':"
                + js("{\"healthyRetryPolicy\":{\"numRetries\":2,\"numNoDelayRetries\":3}}") + "}}", "InvalidParameter",
                "must not exceed numRetries");
        fails("Subscribe", "{'TopicArn':'" + topic + "','Protocol':'http','Endpoint':'" + URL + "','Attributes':{'DeliveryPolicy':"
                + js("{\"healthyRetryPolicy\":{\"numRetries\":100,\"minDelayTarget\":60,\"maxDelayTarget\":60}}") + "}}",
                "InvalidParameter", "total retry time must not exceed 3600 seconds");
        fails("Subscribe", "{'TopicArn':'" + topic + "','Protocol':'http','Endpoint':'" + URL + "','Attributes':{'DeliveryPolicy':"
                + js("{\"healthyRetryPolicy\":{\"backoffFunction\":\"cubic\"}}") + "}}", "InvalidParameter", "backoffFunction");
        fails("Subscribe", "{'TopicArn':'" + topic + "','Protocol':'sqs','Endpoint':'" + QUEUE + "','Attributes':{'DeliveryPolicy':"
                + js("{\"healthyRetryPolicy\":{\"numRetries\":1}}") + "}}", "InvalidParameter", "does not support delivery policies");
    }
}
