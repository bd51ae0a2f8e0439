package io.mailroom.it;

import static io.mailroom.it.SnsClients.SNS;
import static io.mailroom.it.SnsClients.invalidParameter;
import static io.mailroom.it.SnsClients.name;
import static io.mailroom.it.SnsClients.notFound;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.model.ListTopicsResponse;
import software.amazon.awssdk.services.sns.model.Tag;
import software.amazon.awssdk.services.sns.model.Topic;

/** CreateTopic, DeleteTopic, ListTopics, GetTopicAttributes, SetTopicAttributes. */
class SnsTopicsIT {

    @Test
    void createTopicAnswersAnArnInTheCallersAccountAndRegion() {
        String name = name("orders");
        String arn = SNS.createTopic(b -> b.name(name)).topicArn();
        assertThat(arn).isEqualTo("arn:aws:sns:us-east-1:000000000000:" + name);
    }

    @Test
    void createTopicIsIdempotentWithTheSameAttributesButRefusesDifferentOnes() {
        String name = name("idempotent");
        String first = SNS.createTopic(b -> b.name(name).attributes(Map.of("DisplayName", "Orders"))).topicArn();
        String again = SNS.createTopic(b -> b.name(name).attributes(Map.of("DisplayName", "Orders"))).topicArn();
        String plain = SNS.createTopic(b -> b.name(name)).topicArn();
        assertThat(again).isEqualTo(first);
        assertThat(plain).isEqualTo(first);

        invalidParameter(() -> SNS.createTopic(b -> b.name(name).attributes(Map.of("DisplayName", "Other"))));
    }

    @Test
    void createTopicAgainTakesTagsTheTopicAlreadyHas() {
        String name = name("tagged");
        List<Tag> tags = List.of(tag("a", "1"), tag("b", "2"));
        String arn = SNS.createTopic(b -> b.name(name).tags(tags)).topicArn();
        // As recorded on AWS: the same tags, one of them and none answer the topic; a tag it lacks is refused.
        assertThat(SNS.createTopic(b -> b.name(name).tags(tags)).topicArn()).isEqualTo(arn);
        assertThat(SNS.createTopic(b -> b.name(name).tags(tags.get(0))).topicArn()).isEqualTo(arn);
        assertThat(SNS.createTopic(b -> b.name(name).tags(List.of())).topicArn()).isEqualTo(arn);
        assertThat(invalidParameter(() -> SNS.createTopic(b -> b.name(name).tags(tag("a", "9"))))
                .awsErrorDetails().errorMessage())
                .isEqualTo("Invalid parameter: Tags Reason: Topic already exists with different tags");
        assertThat(SNS.listTagsForResource(b -> b.resourceArn(arn)).tags()).containsExactlyInAnyOrderElementsOf(tags);
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    @Test
    void createTopicRefusesInvalidNames() {
        invalidParameter(() -> SNS.createTopic(b -> b.name("has space")));
        invalidParameter(() -> SNS.createTopic(b -> b.name("x".repeat(257))));
        invalidParameter(() -> SNS.createTopic(b -> b.name("")));
        // A FIFO topic must end in .fifo, and only a FIFO topic may.
        invalidParameter(() -> SNS.createTopic(b -> b.name(name("nofifo")).attributes(Map.of("FifoTopic", "true"))));
        invalidParameter(() -> SNS.createTopic(b -> b.name(name("std") + ".fifo")));
        invalidParameter(() -> SNS.createTopic(b -> b.name(name("bad")).attributes(Map.of("FifoTopic", "maybe"))));
    }

    @Test
    void createTopicRefusesUnknownAndMisplacedAttributes() {
        invalidParameter(() -> SNS.createTopic(b -> b.name(name("unknown")).attributes(Map.of("Colour", "blue"))));
        invalidParameter(() -> SNS.createTopic(b -> b.name(name("cbd"))
                .attributes(Map.of("ContentBasedDeduplication", "true"))));
        invalidParameter(() -> SNS.createTopic(b -> b.name(name("sigv")).attributes(Map.of("SignatureVersion", "3"))));
        invalidParameter(() -> SNS.createTopic(b -> b.name(name("policy")).attributes(Map.of("Policy", "{not json"))));
    }

    @Test
    void standardTopicAttributesIncludeDefaultsAndCounters() throws Exception {
        String arn = SnsClients.createTopic("attrs");
        Map<String, String> attributes = SNS.getTopicAttributes(b -> b.topicArn(arn)).attributes();

        assertThat(attributes).containsEntry("TopicArn", arn)
                .containsEntry("Owner", "000000000000")
                .containsEntry("DisplayName", "")
                .containsEntry("SubscriptionsConfirmed", "0")
                .containsEntry("SubscriptionsPending", "0")
                .containsEntry("SubscriptionsDeleted", "0")
                .doesNotContainKey("FifoTopic");
        JsonNode policy = SnsClients.readJson(attributes.get("Policy"));
        assertThat(policy.get("Statement").get(0).get("Resource").asText()).isEqualTo(arn);
        JsonNode retry = SnsClients.readJson(attributes.get("EffectiveDeliveryPolicy"))
                .get("http").get("defaultHealthyRetryPolicy");
        assertThat(retry.get("numRetries").asInt()).isEqualTo(3);
        assertThat(retry.get("minDelayTarget").asInt()).isEqualTo(20);
        assertThat(retry.get("maxDelayTarget").asInt()).isEqualTo(20);
    }

    @Test
    void subscriptionCountersFollowSubscribeAndUnsubscribe() {
        String arn = SnsClients.createTopic("counters");
        String confirmed = SNS.subscribe(b -> b.topicArn(arn).protocol("sqs")
                .endpoint("arn:aws:sqs:us-east-1:000000000000:" + name("q"))).subscriptionArn();
        SNS.subscribe(b -> b.topicArn(arn).protocol("email").endpoint("someone@example.com"));

        Map<String, String> attributes = SNS.getTopicAttributes(b -> b.topicArn(arn)).attributes();
        assertThat(attributes).containsEntry("SubscriptionsConfirmed", "1").containsEntry("SubscriptionsPending", "1");

        SNS.unsubscribe(b -> b.subscriptionArn(confirmed));
        attributes = SNS.getTopicAttributes(b -> b.topicArn(arn)).attributes();
        assertThat(attributes).containsEntry("SubscriptionsConfirmed", "0").containsEntry("SubscriptionsDeleted", "1");
    }

    @Test
    void fifoTopicAttributes() {
        String name = name("fifo") + ".fifo";
        String arn = SNS.createTopic(b -> b.name(name).attributes(Map.of("FifoTopic", "true"))).topicArn();
        assertThat(arn).endsWith(":" + name);

        Map<String, String> attributes = SNS.getTopicAttributes(b -> b.topicArn(arn)).attributes();
        assertThat(attributes).containsEntry("FifoTopic", "true").containsEntry("ContentBasedDeduplication", "false");

        SNS.setTopicAttributes(b -> b.topicArn(arn).attributeName("ContentBasedDeduplication").attributeValue("true"));
        assertThat(SNS.getTopicAttributes(b -> b.topicArn(arn)).attributes())
                .containsEntry("ContentBasedDeduplication", "true");
        // Creating it again without FifoTopic names another kind of topic.
        invalidParameter(() -> SNS.createTopic(b -> b.name(name)));
    }

    @Test
    void setTopicAttributesChangesSettableAttributesAndRefusesReadOnlyOnes() {
        String arn = SnsClients.createTopic("set");
        SNS.setTopicAttributes(b -> b.topicArn(arn).attributeName("DisplayName").attributeValue("Shipping"));
        SNS.setTopicAttributes(b -> b.topicArn(arn).attributeName("SignatureVersion").attributeValue("2"));
        SNS.setTopicAttributes(b -> b.topicArn(arn).attributeName("DeliveryPolicy").attributeValue(
                "{\"http\":{\"defaultHealthyRetryPolicy\":{\"numRetries\":5,\"minDelayTarget\":1,\"maxDelayTarget\":4}}}"));

        Map<String, String> attributes = SNS.getTopicAttributes(b -> b.topicArn(arn)).attributes();
        assertThat(attributes).containsEntry("DisplayName", "Shipping").containsEntry("SignatureVersion", "2");
        JsonNode retry = SnsClients.readJson(attributes.get("EffectiveDeliveryPolicy"))
                .get("http").get("defaultHealthyRetryPolicy");
        assertThat(retry.get("numRetries").asInt()).isEqualTo(5);
        assertThat(retry.get("maxDelayTarget").asInt()).isEqualTo(4);

        for (String readOnly : List.of("TopicArn", "Owner", "SubscriptionsConfirmed", "EffectiveDeliveryPolicy",
                "FifoTopic")) {
            invalidParameter(() -> SNS.setTopicAttributes(b -> b.topicArn(arn).attributeName(readOnly)
                    .attributeValue("x")));
        }
        invalidParameter(() -> SNS.setTopicAttributes(b -> b.topicArn(arn).attributeName("DeliveryPolicy")
                .attributeValue("{\"http\":{\"defaultHealthyRetryPolicy\":{\"numRetries\":101}}}")));
        invalidParameter(() -> SNS.setTopicAttributes(b -> b.topicArn(arn).attributeName("ContentBasedDeduplication")
                .attributeValue("true")));
    }

    @Test
    void operationsOnAMissingTopicAnswerNotFound() {
        String missing = "arn:aws:sns:us-east-1:000000000000:" + name("missing");
        notFound(() -> SNS.getTopicAttributes(b -> b.topicArn(missing)));
        notFound(() -> SNS.setTopicAttributes(b -> b.topicArn(missing).attributeName("DisplayName").attributeValue("x")));
        notFound(() -> SNS.publish(b -> b.topicArn(missing).message("hi")));
        notFound(() -> SNS.subscribe(b -> b.topicArn(missing).protocol("email").endpoint("a@example.com")));
        notFound(() -> SNS.listSubscriptionsByTopic(b -> b.topicArn(missing)));
        invalidParameter(() -> SNS.getTopicAttributes(b -> b.topicArn("not-an-arn")));
    }

    @Test
    void anArnOfFewerThanSixElementsIsRefusedWithHowManyItHas() {
        // As recorded on AWS.
        String reason = "Invalid parameter: TopicArn Reason: An ARN must have at least 6 elements, not ";
        assertThat(invalidParameter(() -> SNS.getTopicAttributes(b -> b.topicArn("randomstring")))
                .awsErrorDetails().errorMessage()).isEqualTo(reason + "1");
        assertThat(invalidParameter(() -> SNS.publish(b -> b.topicArn("randomstring:1").message("m")))
                .awsErrorDetails().errorMessage()).isEqualTo(reason + "2");
        assertThat(invalidParameter(() -> SNS.publish(b -> b.topicArn("").message("m")))
                .awsErrorDetails().errorMessage()).isEqualTo(reason + "1");
        assertThat(invalidParameter(() -> SNS.subscribe(b -> b.topicArn("arn:aws:sns:us-east-1:random").protocol("sqs")
                .endpoint("arn:aws:sqs:us-east-1:000000000000:q"))).awsErrorDetails().errorMessage()).isEqualTo(reason + "5");
    }

    @Test
    void deleteTopicRemovesItAndItsSubscriptionsAndIsIdempotent() {
        String arn = SnsClients.createTopic("delete");
        String sub = SNS.subscribe(b -> b.topicArn(arn).protocol("sqs")
                .endpoint("arn:aws:sqs:us-east-1:000000000000:" + name("q"))).subscriptionArn();

        SNS.deleteTopic(b -> b.topicArn(arn));

        notFound(() -> SNS.getTopicAttributes(b -> b.topicArn(arn)));
        notFound(() -> SNS.getSubscriptionAttributes(b -> b.subscriptionArn(sub)));
        assertThat(SNS.listTopicsPaginator().topics()).extracting(Topic::topicArn).doesNotContain(arn);
        // Deleting a topic that does not exist is not an error.
        SNS.deleteTopic(b -> b.topicArn(arn));
    }

    @Test
    void listTopicsPagesByOneHundred() {
        String prefix = name("page");
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 105; i++) {
            String topicName = prefix + "-" + i;
            created.add(SNS.createTopic(b -> b.name(topicName)).topicArn());
        }
        try {
            List<ListTopicsResponse> pages = SNS.listTopicsPaginator().stream().toList();
            assertThat(pages.size()).isGreaterThanOrEqualTo(2);
            assertThat(pages).allSatisfy(p -> assertThat(p.topics()).hasSizeLessThanOrEqualTo(100));
            assertThat(pages.get(0).topics()).hasSize(100);
            assertThat(pages.get(0).nextToken()).isNotEmpty();
            assertThat(pages.get(pages.size() - 1).nextToken()).isNull();
            List<String> all = pages.stream().flatMap(p -> p.topics().stream()).map(Topic::topicArn).toList();
            assertThat(all).containsAll(created).doesNotHaveDuplicates();
        } finally {
            created.forEach(arn -> SNS.deleteTopic(b -> b.topicArn(arn)));
        }
    }

    @Test
    void topicsAreScopedToTheirRegion() {
        String arn = SnsClients.createTopic("regional");
        try (var west = SnsClients.sns(TestServer.credentials(), software.amazon.awssdk.regions.Region.EU_WEST_1)) {
            assertThat(west.listTopicsPaginator().topics()).extracting(Topic::topicArn).doesNotContain(arn);
        }
    }
}
