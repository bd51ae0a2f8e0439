package io.mailroom.it;

import static io.mailroom.it.SnsClients.SNS;
import static io.mailroom.it.SnsClients.invalidParameter;
import static io.mailroom.it.SnsClients.name;
import static io.mailroom.it.SnsClients.notFound;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.model.ListSubscriptionsByTopicResponse;
import software.amazon.awssdk.services.sns.model.Subscription;

/** Subscribe (every protocol), ConfirmSubscription, Unsubscribe, listings and subscription attributes. */
class SnsSubscriptionsIT {
    private static final String PENDING = "pending confirmation";
    /** Takes (and ignores) the confirmations of http subscriptions, so that none is retried later. */
    private static HttpServer hooks;
    private static String hook;

    @BeforeAll
    static void startHooks() throws IOException {
        hooks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hooks.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        hooks.start();
        hook = "http://127.0.0.1:" + hooks.getAddress().getPort() + "/hook";
    }

    @AfterAll
    static void stopHooks() {
        hooks.stop(0);
    }

    /** A topic whose HTTP/S deliveries are not retried. */
    private static String topicWithoutRetries(String prefix) {
        return SNS.createTopic(b -> b.name(name(prefix)).attributes(Map.of("DeliveryPolicy",
                "{\"http\":{\"defaultHealthyRetryPolicy\":{\"numRetries\":0}}}"))).topicArn();
    }

    private static String queueArn() {
        return "arn:aws:sqs:us-east-1:000000000000:" + name("q");
    }

    private static String subscribe(String topicArn, String protocol, String endpoint) {
        return SNS.subscribe(b -> b.topicArn(topicArn).protocol(protocol).endpoint(endpoint)).subscriptionArn();
    }

    private static String platformEndpoint() {
        String app = SNS.createPlatformApplication(b -> b.name(name("app")).platform("GCM")
                .attributes(Map.of("PlatformCredential", "server-key"))).platformApplicationArn();
        return SNS.createPlatformEndpoint(b -> b.platformApplicationArn(app).token(name("device"))).endpointArn();
    }

    @Test
    void protocolsThatNeedNoConfirmationAreConfirmedAtOnce() {
        String topic = SnsClients.createTopic("instant");
        Map<String, String> endpoints = Map.of(
                "sqs", queueArn(),
                "sms", "+15555550100",
                "lambda", "arn:aws:lambda:us-east-1:000000000000:function:handler",
                "application", platformEndpoint());
        endpoints.forEach((protocol, endpoint) -> {
            String arn = subscribe(topic, protocol, endpoint);
            assertThat(arn).as(protocol).startsWith(topic + ":");
            assertThat(SNS.getSubscriptionAttributes(b -> b.subscriptionArn(arn)).attributes())
                    .containsEntry("Protocol", protocol).containsEntry("Endpoint", endpoint)
                    .containsEntry("PendingConfirmation", "false");
        });
        String firehose = SNS.subscribe(b -> b.topicArn(topic).protocol("firehose")
                .endpoint("arn:aws:firehose:us-east-1:000000000000:deliverystream/stream")
                .attributes(Map.of("SubscriptionRoleArn", "arn:aws:iam::000000000000:role/sns-firehose")))
                .subscriptionArn();
        assertThat(firehose).startsWith(topic + ":");
    }

    @Test
    void protocolsThatNeedConfirmationAnswerPendingUnlessReturnSubscriptionArnIsSet() {
        String topic = topicWithoutRetries("pending");
        Map<String, String> endpoints = Map.of(
                "http", hook,
                "https", hook.replace("http:", "https:"),
                "email", "someone@example.com",
                "email-json", "robot@example.com");
        endpoints.forEach((protocol, endpoint) -> {
            assertThat(subscribe(topic, protocol, endpoint)).as(protocol).isEqualTo(PENDING);
            String arn = SNS.subscribe(b -> b.topicArn(topic).protocol(protocol).endpoint(endpoint)
                    .returnSubscriptionArn(true)).subscriptionArn();
            assertThat(arn).startsWith(topic + ":");
            assertThat(SNS.getSubscriptionAttributes(b -> b.subscriptionArn(arn)).attributes())
                    .containsEntry("PendingConfirmation", "true")
                    .containsEntry("ConfirmationWasAuthenticated", "false");
        });
        assertThat(SNS.listSubscriptionsByTopic(b -> b.topicArn(topic)).subscriptions())
                .extracting(Subscription::subscriptionArn).containsOnly("PendingConfirmation");
    }

    @Test
    void endpointsAreValidatedPerProtocol() {
        String topic = SnsClients.createTopic("validation");
        invalidParameter(() -> subscribe(topic, "ftp", "ftp://example.com"));
        invalidParameter(() -> subscribe(topic, "http", "https://example.com/hook"));
        invalidParameter(() -> subscribe(topic, "https", "http://example.com/hook"));
        invalidParameter(() -> subscribe(topic, "http", "not a url"));
        invalidParameter(() -> subscribe(topic, "email", "not-an-address"));
        invalidParameter(() -> subscribe(topic, "email-json", "nobody@"));
        invalidParameter(() -> subscribe(topic, "sms", "5555550100"));
        invalidParameter(() -> subscribe(topic, "sms", "+0123"));
        invalidParameter(() -> subscribe(topic, "sqs", "my-queue"));
        invalidParameter(() -> subscribe(topic, "sqs", "arn:aws:sns:us-east-1:000000000000:topic"));
        invalidParameter(() -> subscribe(topic, "lambda", queueArn()));
        invalidParameter(() -> subscribe(topic, "application", queueArn()));
        invalidParameter(() -> subscribe(topic, "application",
                "arn:aws:sns:us-east-1:000000000000:endpoint/GCM/app/" + name("gone")));
        invalidParameter(() -> subscribe(topic, "firehose", "arn:aws:firehose:us-east-1:000000000000:deliverystream/s"));
        invalidParameter(() -> subscribe(topic, "sqs", ""));
        assertThat(SNS.listSubscriptionsByTopic(b -> b.topicArn(topic)).subscriptions()).isEmpty();
    }

    @Test
    void fifoTopicsTakeOnlySqsSubscriptionsAndStandardTopicsRefuseFifoQueues() {
        String fifo = SnsClients.createFifoTopic("fifo-subs", false);
        invalidParameter(() -> subscribe(fifo, "email", "someone@example.com"));
        invalidParameter(() -> subscribe(fifo, "http", hook));
        assertThat(subscribe(fifo, "sqs", queueArn() + ".fifo")).startsWith(fifo + ":");

        String standard = SnsClients.createTopic("std-subs");
        invalidParameter(() -> subscribe(standard, "sqs", queueArn() + ".fifo"));
    }

    @Test
    void subscribingTheSameEndpointAgainAnswersTheSameSubscription() {
        String topic = SnsClients.createTopic("again");
        String endpoint = queueArn();
        String first = subscribe(topic, "sqs", endpoint);
        assertThat(subscribe(topic, "sqs", endpoint)).isEqualTo(first);
        invalidParameter(() -> SNS.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(endpoint)
                .attributes(Map.of("RawMessageDelivery", "true"))));
        assertThat(SNS.listSubscriptionsByTopic(b -> b.topicArn(topic)).subscriptions()).hasSize(1);
    }

    @Test
    void subscribingAgainIsRefusedOnlyForAnAttributeThatDiffers() {
        String topic = SnsClients.createTopic("again-attrs");
        String endpoint = queueArn();
        String arn = SNS.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(endpoint).returnSubscriptionArn(true)
                .attributes(Map.of("RawMessageDelivery", "True"))).subscriptionArn();
        // The sequence recorded on AWS.
        for (Map<String, String> attributes : List.of(Map.of("RawMessageDelivery", "true"),
                Map.of("RawMessageDelivery", "true", "FilterPolicyScope", "MessageAttributes"), Map.<String, String>of(),
                Map.of("FilterPolicyScope", "MessageAttributes"))) {
            assertThat(SNS.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(endpoint).returnSubscriptionArn(true)
                    .attributes(attributes)).subscriptionArn()).as("%s", attributes).isEqualTo(arn);
        }
        assertThat(invalidParameter(() -> SNS.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(endpoint)
                .attributes(Map.of("RawMessageDelivery", "false", "FilterPolicyScope", "MessageBody"))))
                .awsErrorDetails().errorMessage())
                .isEqualTo("Invalid parameter: Attributes Reason: Subscription already exists with different attributes");
        assertThat(SNS.getSubscriptionAttributes(b -> b.subscriptionArn(arn)).attributes())
                .containsEntry("RawMessageDelivery", "true");
    }

    @Test
    void confirmSubscriptionWithTheTokenConfirmsIt() {
        String topic = SnsClients.createTopic("confirm");
        String arn = SNS.subscribe(b -> b.topicArn(topic).protocol("email").endpoint("reader@example.com")
                .returnSubscriptionArn(true)).subscriptionArn();
        String token = SnsClients.get("/_aws/sns/subscription-tokens/" + SnsClients.encode(arn))
                .json().get("subscription_token").asText();

        invalidParameter(() -> SNS.confirmSubscription(b -> b.topicArn(topic).token("0123abcd")));
        String confirmed = SNS.confirmSubscription(b -> b.topicArn(topic).token(token)
                .authenticateOnUnsubscribe("true")).subscriptionArn();

        assertThat(confirmed).isEqualTo(arn);
        assertThat(SNS.getSubscriptionAttributes(b -> b.subscriptionArn(arn)).attributes())
                .containsEntry("PendingConfirmation", "false")
                .containsEntry("ConfirmationWasAuthenticated", "true");
        assertThat(SNS.listSubscriptionsByTopic(b -> b.topicArn(topic)).subscriptions())
                .extracting(Subscription::subscriptionArn).containsExactly(arn);
        // As recorded on AWS: the token names the subscription, whatever topic of the region the call names.
        assertThat(SNS.confirmSubscription(b -> b.topicArn(topic + "-gone").token(token)).subscriptionArn()).isEqualTo(arn);
    }

    @Test
    void confirmSubscriptionTellsWhatIsWrongAsAwsDoes() {
        String topic = SnsClients.createTopic("confirm-bad");
        assertThat(invalidParameter(() -> SNS.confirmSubscription(b -> b.topicArn(topic).token("randomtoken")))
                .awsErrorDetails().errorMessage()).isEqualTo("Invalid token");
        assertThat(invalidParameter(() -> SNS.confirmSubscription(b -> b.topicArn(topic + "-gone").token("0123abcd")))
                .awsErrorDetails().errorMessage()).isEqualTo("Invalid parameter: Token");
        assertThat(invalidParameter(() -> SNS.confirmSubscription(b -> b.topicArn("not-an-arn").token("0123abcd")))
                .awsErrorDetails().errorMessage()).isEqualTo("Invalid parameter: Topic");
    }

    @Test
    void unsubscribeRemovesTheSubscription() {
        String topic = SnsClients.createTopic("unsubscribe");
        String arn = subscribe(topic, "sqs", queueArn());
        SNS.unsubscribe(b -> b.subscriptionArn(arn));

        notFound(() -> SNS.getSubscriptionAttributes(b -> b.subscriptionArn(arn)));
        notFound(() -> SNS.setSubscriptionAttributes(b -> b.subscriptionArn(arn).attributeName("RawMessageDelivery")
                .attributeValue("true")));
        assertThat(SNS.listSubscriptionsByTopic(b -> b.topicArn(topic)).subscriptions()).isEmpty();
        // Idempotent, as recorded on AWS.
        SNS.unsubscribe(b -> b.subscriptionArn(arn));
    }

    @Test
    void aMalformedSubscriptionArnIsRefusedWithWhatIsWrong() {
        // As recorded on AWS.
        String reason = "Invalid parameter: SubscriptionArn Reason: An ARN must have at least 6 elements, not ";
        assertThat(invalidParameter(() -> SNS.unsubscribe(b -> b.subscriptionArn("randomstring")))
                .awsErrorDetails().errorMessage()).isEqualTo(reason + "1");
        assertThat(invalidParameter(() -> SNS.unsubscribe(b -> b.subscriptionArn("arn:aws:sns:us-east-1:random")))
                .awsErrorDetails().errorMessage()).isEqualTo(reason + "5");
        assertThat(invalidParameter(() -> SNS.unsubscribe(b -> b.subscriptionArn("arn:aws:sns:us-east-1:000000000000:random")))
                .awsErrorDetails().errorMessage()).isEqualTo("Invalid parameter: SubscriptionId");
        assertThat(invalidParameter(() -> SNS.getSubscriptionAttributes(b -> b.subscriptionArn(PENDING)))
                .awsErrorDetails().errorMessage()).isEqualTo(reason + "1");
    }

    @Test
    void subscribeTellsWhyAnAttributeIsRefusedAfterAttributesReason() {
        String topic = SnsClients.createTopic("sub-reason");
        String endpoint = queueArn();
        // As recorded on AWS, an empty FilterPolicy and a scope beside the bad value.
        assertThat(invalidParameter(() -> SNS.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(endpoint)
                .attributes(Map.of("RawMessageDelivery", "wrongvalue", "FilterPolicyScope", "MessageBody", "FilterPolicy", ""))))
                .awsErrorDetails().errorMessage()).isEqualTo(
                "Invalid parameter: Attributes Reason: RawMessageDelivery: Invalid value [wrongvalue]. Must be true or false.");
        String arn = subscribe(topic, "sqs", endpoint);
        assertThat(invalidParameter(() -> SNS.setSubscriptionAttributes(b -> b.subscriptionArn(arn)
                .attributeName("RawMessageDelivery").attributeValue("wrongvalue"))).awsErrorDetails().errorMessage())
                .isEqualTo("Invalid parameter: RawMessageDelivery: Invalid value [wrongvalue]. Must be true or false.");
        assertThat(invalidParameter(() -> SNS.setSubscriptionAttributes(b -> b.subscriptionArn(arn)
                .attributeName("RedrivePolicy").attributeValue("{\"deadLetterTargetArn\":\"fake-arn\"}")))
                .awsErrorDetails().errorMessage())
                .isEqualTo("Invalid parameter: RedrivePolicy: deadLetterTargetArn is an invalid arn");
        assertThat(invalidParameter(() -> SNS.setSubscriptionAttributes(b -> b.subscriptionArn(arn)
                .attributeName("RedrivePolicy").attributeValue("{invalidjson}"))).awsErrorDetails().errorMessage())
                .isEqualTo("Invalid parameter: RedrivePolicy: failed to parse JSON. Unexpected character ('i' (code 105)): "
                        + "was expecting double-quote to start field name\n at [Source: REDACTED "
                        + "(`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 2]");
    }

    @Test
    void subscriptionAttributesCanBeReadAndSet() {
        String topic = SnsClients.createTopic("sub-attrs");
        String dlq = queueArn();
        String arn = subscribe(topic, "sqs", queueArn());

        Map<String, String> attributes = SNS.getSubscriptionAttributes(b -> b.subscriptionArn(arn)).attributes();
        assertThat(attributes).containsEntry("SubscriptionArn", arn).containsEntry("TopicArn", topic)
                .containsEntry("Owner", "000000000000").containsEntry("RawMessageDelivery", "false")
                .containsEntry("ConfirmationWasAuthenticated", "true")
                .doesNotContainKey("FilterPolicy");

        SNS.setSubscriptionAttributes(b -> b.subscriptionArn(arn).attributeName("RawMessageDelivery").attributeValue("true"));
        SNS.setSubscriptionAttributes(b -> b.subscriptionArn(arn).attributeName("FilterPolicy")
                .attributeValue("{\"colour\":[\"red\"]}"));
        SNS.setSubscriptionAttributes(b -> b.subscriptionArn(arn).attributeName("FilterPolicyScope")
                .attributeValue("MessageBody"));
        SNS.setSubscriptionAttributes(b -> b.subscriptionArn(arn).attributeName("RedrivePolicy")
                .attributeValue("{\"deadLetterTargetArn\":\"" + dlq + "\"}"));

        attributes = SNS.getSubscriptionAttributes(b -> b.subscriptionArn(arn)).attributes();
        assertThat(attributes).containsEntry("RawMessageDelivery", "true")
                .containsEntry("FilterPolicyScope", "MessageBody")
                .containsEntry("RedrivePolicy", "{\"deadLetterTargetArn\":\"" + dlq + "\"}");
        assertThat(SnsClients.readJson(attributes.get("FilterPolicy")))
                .isEqualTo(SnsClients.readJson("{\"colour\":[\"red\"]}"));
    }

    @Test
    void invalidSubscriptionAttributesAreRefused() {
        String topic = SnsClients.createTopic("bad-attrs");
        String sqs = subscribe(topic, "sqs", queueArn());
        String sms = subscribe(topic, "sms", "+15555550101");
        invalidParameter(() -> SNS.setSubscriptionAttributes(b -> b.subscriptionArn(sqs).attributeName("Colour")
                .attributeValue("red")));
        invalidParameter(() -> SNS.setSubscriptionAttributes(b -> b.subscriptionArn(sqs).attributeName("FilterPolicy")
                .attributeValue("{not json")));
        invalidParameter(() -> SNS.setSubscriptionAttributes(b -> b.subscriptionArn(sqs).attributeName("FilterPolicy")
                .attributeValue("{\"colour\":\"red\"}")));
        invalidParameter(() -> SNS.setSubscriptionAttributes(b -> b.subscriptionArn(sqs)
                .attributeName("FilterPolicyScope").attributeValue("Headers")));
        invalidParameter(() -> SNS.setSubscriptionAttributes(b -> b.subscriptionArn(sqs).attributeName("RedrivePolicy")
                .attributeValue("{\"deadLetterTargetArn\":\"not-an-arn\"}")));
        invalidParameter(() -> SNS.setSubscriptionAttributes(b -> b.subscriptionArn(sqs).attributeName("DeliveryPolicy")
                .attributeValue("{\"healthyRetryPolicy\":{\"numRetries\":1}}")));
        invalidParameter(() -> SNS.setSubscriptionAttributes(b -> b.subscriptionArn(sms)
                .attributeName("RawMessageDelivery").attributeValue("true")));
        invalidParameter(() -> SNS.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(queueArn())
                .attributes(Map.of("Colour", "red"))));
    }

    @Test
    void filterPoliciesAreRefusedInAwsWords() {
        String topic = SnsClients.createTopic("filter-errors");
        String backwards = "{\"key\": [{\"numeric\": [\">\", 3, \"<\", 1]}]}";
        assertThat(invalidParameter(() -> SNS.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(queueArn())
                .attributes(Map.of("FilterPolicy", backwards)))).awsErrorDetails().errorMessage())
                .isEqualTo("Invalid parameter: Attributes Reason: FilterPolicy: Bottom must be less than top\n at "
                        + "[Source: (String)\"{\"key\":[{\"numeric\":[\">\",3,\"<\",1]}]}\"; line: 1, column: 33]");
        assertThat(invalidParameter(() -> SNS.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(queueArn())
                .attributes(Map.of("FilterPolicy", "{\"key\":[{\"anything-but\":{\"suffix\":\"test\"}}]}"))))
                .awsErrorDetails().errorMessage())
                .isEqualTo("Invalid parameter: Attributes Reason: FilterPolicy: Unsupported anything-but pattern: suffix\n at "
                        + "[Source: (String)\"{\"key\":[{\"anything-but\":{\"suffix\":\"test\"}}]}\"; line: 1, column: 36]");

        String arn = subscribe(topic, "sqs", queueArn());
        SNS.setSubscriptionAttributes(b -> b.subscriptionArn(arn).attributeName("FilterPolicyScope")
                .attributeValue("MessageBody"));
        assertThat(SNS.getSubscriptionAttributes(b -> b.subscriptionArn(arn)).attributes())
                .doesNotContainKey("FilterPolicyScope");
        // 4 values three keys deep, 3 two deep, 3 at the top: 3×4 × 2×3 × 1×3 = 216 combinations
        String nested = "{\"key_a\":{\"key_b\":{\"key_c\":[\"v1\",\"v2\",\"v3\",\"v4\"]}},"
                + "\"key_d\":{\"key_e\":[\"v1\",\"v2\",\"v3\"]},\"key_f\":[\"v1\",\"v2\",\"v3\"]}";
        assertThat(invalidParameter(() -> SNS.setSubscriptionAttributes(b -> b.subscriptionArn(arn)
                .attributeName("FilterPolicy").attributeValue(nested))).awsErrorDetails().errorMessage())
                .isEqualTo("Invalid parameter: FilterPolicy: Filter policy is too complex");
        SNS.setSubscriptionAttributes(b -> b.subscriptionArn(arn).attributeName("FilterPolicy")
                .attributeValue("{\"key_a\":{\"key_b\":[\"v1\",\"v2\",\"v3\"]},\"key_c\":[\"v1\"]}"));
        assertThat(SNS.getSubscriptionAttributes(b -> b.subscriptionArn(arn)).attributes())
                .containsEntry("FilterPolicyScope", "MessageBody");
    }

    @Test
    void httpSubscriptionsReportTheirEffectiveDeliveryPolicy() {
        String topic = SnsClients.createTopic("effective");
        String arn = SNS.subscribe(b -> b.topicArn(topic).protocol("http").endpoint(hook)
                .returnSubscriptionArn(true)
                .attributes(Map.of("DeliveryPolicy", "{\"healthyRetryPolicy\":{\"numRetries\":7,"
                        + "\"minDelayTarget\":2,\"maxDelayTarget\":9}}"))).subscriptionArn();
        var retry = SnsClients.readJson(SNS.getSubscriptionAttributes(b -> b.subscriptionArn(arn)).attributes()
                .get("EffectiveDeliveryPolicy")).get("healthyRetryPolicy");
        assertThat(retry.get("numRetries").asInt()).isEqualTo(7);
        assertThat(retry.get("minDelayTarget").asInt()).isEqualTo(2);
        assertThat(retry.get("maxDelayTarget").asInt()).isEqualTo(9);
        invalidParameter(() -> SNS.setSubscriptionAttributes(b -> b.subscriptionArn(arn).attributeName("DeliveryPolicy")
                .attributeValue("{\"healthyRetryPolicy\":{\"minDelayTarget\":30,\"maxDelayTarget\":10}}")));
    }

    @Test
    void listSubscriptionsPagesByOneHundred() {
        String topic = SnsClients.createTopic("many");
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 105; i++) {
            created.add(subscribe(topic, "sqs", queueArn()));
        }
        List<ListSubscriptionsByTopicResponse> pages = SNS.listSubscriptionsByTopicPaginator(b -> b.topicArn(topic))
                .stream().toList();
        assertThat(pages).hasSize(2);
        assertThat(pages.get(0).subscriptions()).hasSize(100);
        assertThat(pages.get(0).nextToken()).isNotEmpty();
        assertThat(pages.get(1).nextToken()).isNull();
        assertThat(pages.stream().flatMap(p -> p.subscriptions().stream()).map(Subscription::subscriptionArn))
                .containsExactlyInAnyOrderElementsOf(created);

        List<String> all = SNS.listSubscriptionsPaginator().subscriptions().stream()
                .map(Subscription::subscriptionArn).filter(arn -> !arn.equals("PendingConfirmation")).toList();
        assertThat(all).containsAll(created).doesNotHaveDuplicates();
        Subscription one = SNS.listSubscriptionsPaginator().subscriptions().stream()
                .filter(s -> s.subscriptionArn().equals(created.get(0))).findFirst().orElseThrow();
        assertThat(one.topicArn()).isEqualTo(topic);
        assertThat(one.protocol()).isEqualTo("sqs");
        assertThat(one.owner()).isEqualTo("000000000000");
    }
}
