package io.mailroom.sns;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailroom.core.delivery.QueueMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A FIFO topic's ArchivePolicy keeps what it publishes; a subscription's ReplayPolicy has it delivered again. */
class ArchiveReplayTest extends SnsTestSupport {
    private static final String ORDERS = "arn:aws:sqs:us-east-1:123456789012:orders.fifo";
    private static final String AUDIT = "arn:aws:sqs:us-east-1:123456789012:audit.fifo";
    private String topic;

    @BeforeEach
    void fifoTopicWithAnArchive() {
        queues.create(ORDERS);
        queues.create(AUDIT);
        topic = call("CreateTopic", "{'Name':'orders.fifo','Attributes':{'FifoTopic':'true',"
                + "'ContentBasedDeduplication':'true','ArchivePolicy':" + js("{\"MessageRetentionPeriod\":\"2\"}") + "}}")
                .get("TopicArn").asText();
    }

    private void publish(String message, String kind) {
        call("Publish", "{'TopicArn':'" + topic + "','Message':'" + message + "','MessageGroupId':'g',"
                + "'MessageAttributes':{'kind':{'DataType':'String','StringValue':'" + kind + "'}}}");
    }

    private void advance(Duration d) {
        clock.advance(d);
    }

    private static List<String> messages(List<QueueMessage> received) {
        return received.stream().map(m -> parse(m.body()).get("Message").asText()).toList();
    }

    private JsonNode subscriptionAttributes(String sub) {
        return call("GetSubscriptionAttributes", "{'SubscriptionArn':'" + sub + "'}").get("Attributes");
    }

    private void setReplayPolicy(String sub, String policy) {
        call("SetSubscriptionAttributes", "{'SubscriptionArn':'" + sub + "','AttributeName':'ReplayPolicy',"
                + "'AttributeValue':" + js(policy) + "}");
    }

    @Test
    void aReplayRedeliversArchivedMessagesInOrderMarkedAsReplayed() {
        String sub = subscribe(topic, "sqs", ORDERS);
        publish("first", "order");
        advance(Duration.ofMinutes(1));
        publish("second", "order");
        advance(Duration.ofMinutes(1));
        publish("third", "order");
        assertThat(messages(queues.messages(ORDERS))).containsExactly("first", "second", "third");
        JsonNode original = parse(queues.messages(ORDERS).get(1).body());
        assertThat(original.has("Replayed")).isFalse();
        queues.messages(ORDERS).clear();

        // From the second on, with no end: then new messages keep coming.
        setReplayPolicy(sub, "{\"PointType\":\"Timestamp\",\"StartingPoint\":\"2024-05-01T10:01:00.000Z\"}");
        assertThat(messages(queues.messages(ORDERS))).containsExactly("second", "third");
        JsonNode replayed = parse(queues.messages(ORDERS).get(0).body());
        assertThat(replayed.get("Replayed").asBoolean()).isTrue();
        assertThat(replayed.get("MessageId")).isEqualTo(original.get("MessageId"));
        assertThat(replayed.get("Timestamp")).isEqualTo(original.get("Timestamp"));
        assertThat(replayed.get("SequenceNumber")).isEqualTo(original.get("SequenceNumber"));
        assertThat(queues.messages(ORDERS).get(0).messageGroupId()).isEqualTo("g");
        assertThat(subscriptionAttributes(sub).get("ReplayStatus").asText()).isEqualTo("Completed");
        publish("fourth", "order");
        assertThat(messages(queues.messages(ORDERS))).containsExactly("second", "third", "fourth");
    }

    @Test
    void aReplayWithAnEndStopsNewMessagesAndFollowsTheFilterPolicy() {
        publish("a", "order");
        advance(Duration.ofSeconds(10));
        publish("b", "refund");
        advance(Duration.ofSeconds(10));
        publish("c", "order");
        advance(Duration.ofSeconds(10));
        publish("d", "order");
        // A new subscription replays at once: only what its filter takes, only up to the end.
        String sub = call("Subscribe", "{'TopicArn':'" + topic + "','Protocol':'sqs','Endpoint':'" + AUDIT + "',"
                + "'Attributes':{'FilterPolicy':" + js("{\"kind\":[\"order\"]}") + ",'ReplayPolicy':"
                + js("{\"PointType\":\"Timestamp\",\"StartingPoint\":\"2024-05-01T10:00:00.000Z\","
                + "\"EndingPoint\":\"2024-05-01T10:00:20.000Z\"}") + "}}").get("SubscriptionArn").asText();
        assertThat(messages(queues.messages(AUDIT))).containsExactly("a", "c");
        publish("e", "order");
        assertThat(messages(queues.messages(AUDIT))).as("paused after its end").containsExactly("a", "c");
        // Taking the policy away ends the pause.
        call("SetSubscriptionAttributes", "{'SubscriptionArn':'" + sub + "','AttributeName':'ReplayPolicy',"
                + "'AttributeValue':''}");
        assertThat(subscriptionAttributes(sub).has("ReplayStatus")).isFalse();
        publish("f", "order");
        assertThat(messages(queues.messages(AUDIT))).containsExactly("a", "c", "f");
    }

    @Test
    void aLaterEndingPointLetsNewMessagesInUntilItPasses() {
        publish("archived", "order");
        advance(Duration.ofMinutes(1));
        String sub = call("Subscribe", "{'TopicArn':'" + topic + "','Protocol':'sqs','Endpoint':'" + AUDIT + "',"
                + "'Attributes':{'ReplayPolicy':" + js("{\"PointType\":\"Timestamp\",\"StartingPoint\":"
                + "\"2024-05-01T10:00:00.000Z\",\"EndingPoint\":\"2024-05-01T10:05:00.000Z\"}") + "}}")
                .get("SubscriptionArn").asText();
        assertThat(subscriptionAttributes(sub).get("ReplayStatus").asText()).isEqualTo("In progress");
        advance(Duration.ofMinutes(1));
        publish("before the end", "order");
        advance(Duration.ofMinutes(5));
        publish("after the end", "order");
        assertThat(messages(queues.messages(AUDIT))).containsExactly("archived", "before the end");
        assertThat(subscriptionAttributes(sub).get("ReplayStatus").asText()).isEqualTo("Completed");
    }

    @Test
    void theRetentionCanChangeWhileTheArchiveKeepsItsStart() {
        publish("kept", "order");
        advance(Duration.ofDays(1));
        call("SetTopicAttributes", "{'TopicArn':'" + topic + "','AttributeName':'ArchivePolicy','AttributeValue':"
                + js("{\"MessageRetentionPeriod\":\"30\"}") + "}");
        advance(Duration.ofDays(2));
        assertThat(call("GetTopicAttributes", "{'TopicArn':'" + topic + "'}").at("/Attributes/BeginningArchiveTime")
                .asText()).isEqualTo("2024-05-01T10:00:00.000Z");
        subscribe(topic, "sqs", ORDERS);
        String sub = subscribe(topic, "sqs", AUDIT);
        setReplayPolicy(sub, "{\"PointType\":\"Timestamp\",\"StartingPoint\":\"2024-05-01T10:00:00.000Z\"}");
        assertThat(messages(queues.messages(AUDIT))).containsExactly("kept");
    }

    @Test
    void theArchiveKeepsMessagesForItsRetentionAndDiesWithThePolicy() {
        publish("old", "order");
        advance(Duration.ofDays(1));
        publish("recent", "order");
        advance(Duration.ofDays(1).plusMinutes(1));
        JsonNode attributes = call("GetTopicAttributes", "{'TopicArn':'" + topic + "'}").get("Attributes");
        assertThat(attributes.get("BeginningArchiveTime").asText()).as("now minus two days")
                .isEqualTo("2024-05-01T10:01:00.000Z");
        String sub = subscribe(topic, "sqs", ORDERS);
        setReplayPolicy(sub, "{\"PointType\":\"Timestamp\",\"StartingPoint\":\"2024-01-01T00:00:00Z\"}");
        assertThat(messages(queues.messages(ORDERS))).containsExactly("recent");

        fails("DeleteTopic", "{'TopicArn':'" + topic + "'}", "InvalidState",
                "Invalid state: Cannot delete a topic with an ArchivePolicy");
        call("SetTopicAttributes", "{'TopicArn':'" + topic + "','AttributeName':'ArchivePolicy','AttributeValue':'{}'}");
        attributes = call("GetTopicAttributes", "{'TopicArn':'" + topic + "'}").get("Attributes");
        assertThat(attributes.has("ArchivePolicy")).isFalse();
        assertThat(attributes.has("BeginningArchiveTime")).isFalse();
        queues.messages(ORDERS).clear();
        setReplayPolicy(sub, "{\"PointType\":\"Timestamp\",\"StartingPoint\":\"2024-01-01T00:00:00Z\"}");
        assertThat(queues.messages(ORDERS)).as("the archive went with its policy").isEmpty();
        call("DeleteTopic", "{'TopicArn':'" + topic + "'}");
    }

    @Test
    void replayPoliciesAreChecked() {
        String sub = subscribe(topic, "sqs", ORDERS);
        String prefix = "{'SubscriptionArn':'" + sub + "','AttributeName':'ReplayPolicy','AttributeValue':";
        assertThat(invalidParameter("SetSubscriptionAttributes", prefix + js("not json") + "}"))
                .contains("ReplayPolicy: Invalid replay policy JSON");
        assertThat(invalidParameter("SetSubscriptionAttributes", prefix
                + js("{\"PointType\":\"SequenceNumber\",\"StartingPoint\":\"1\"}") + "}")).contains("PointType");
        assertThat(invalidParameter("SetSubscriptionAttributes", prefix + js("{\"PointType\":\"Timestamp\"}") + "}"))
                .contains("StartingPoint");
        assertThat(invalidParameter("SetSubscriptionAttributes", prefix
                + js("{\"PointType\":\"Timestamp\",\"StartingPoint\":\"yesterday\"}") + "}")).contains("StartingPoint");
        assertThat(invalidParameter("SetSubscriptionAttributes", prefix + js("{\"PointType\":\"Timestamp\","
                + "\"StartingPoint\":\"2024-05-01T10:00:00Z\",\"EndingPoint\":\"2024-05-01T09:00:00Z\"}") + "}"))
                .contains("EndingPoint");
        assertThat(subscriptionAttributes(sub).has("ReplayPolicy")).isFalse();

        String standard = createTopic("plain");
        String plainSub = subscribe(standard, "sqs", QUEUE);
        assertThat(invalidParameter("SetSubscriptionAttributes", "{'SubscriptionArn':'" + plainSub
                + "','AttributeName':'ReplayPolicy','AttributeValue':" + js("{\"PointType\":\"Timestamp\","
                + "\"StartingPoint\":\"2024-05-01T10:00:00Z\"}") + "}")).contains("only supported for subscriptions to FIFO");
    }
}
