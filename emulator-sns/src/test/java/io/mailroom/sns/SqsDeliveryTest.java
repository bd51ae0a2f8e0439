package io.mailroom.sns;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailroom.core.delivery.MessageAttribute;
import io.mailroom.core.delivery.QueueMessage;
import io.mailroom.sns.delivery.DeliveryStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqsDeliveryTest extends SnsTestSupport {

    @Test
    void enveloppedNotificationCarriesAwsFieldsAndAVerifiableSignature() throws Exception {
        String topic = createTopic("t");
        String sub = subscribe(topic, "sqs", QUEUE);
        String id = call("Publish", "{'TopicArn':'" + topic + "','Message':'hello','Subject':'greeting',"
                + "'MessageAttributes':{'color':{'DataType':'String','StringValue':'red'},"
                + "'bin':{'DataType':'Binary','BinaryValue':'AAEC'}}}").get("MessageId").asText();
        List<QueueMessage> received = queues.messages(QUEUE);
        assertThat(received).hasSize(1);
        QueueMessage m = received.get(0);
        assertThat(m.attributes()).isEmpty();
        assertThat(m.senderId()).isEqualTo("AIDAIT2UOQQY3AUEKVGXU");
        JsonNode body = parse(m.body());
        assertThat(body.get("Type").asText()).isEqualTo("Notification");
        assertThat(body.get("MessageId").asText()).isEqualTo(id);
        assertThat(body.get("TopicArn").asText()).isEqualTo(topic);
        assertThat(body.get("Subject").asText()).isEqualTo("greeting");
        assertThat(body.get("Message").asText()).isEqualTo("hello");
        assertThat(body.get("Timestamp").asText()).isEqualTo("2024-05-01T10:00:00.000Z");
        assertThat(body.get("SignatureVersion").asText()).isEqualTo("1");
        assertThat(body.get("UnsubscribeURL").asText())
                .isEqualTo("http://localhost:4566/?Action=Unsubscribe&SubscriptionArn=" + sub);
        assertThat(body.at("/MessageAttributes/color/Type").asText()).isEqualTo("String");
        assertThat(body.at("/MessageAttributes/color/Value").asText()).isEqualTo("red");
        assertThat(body.at("/MessageAttributes/bin/Value").asText()).isEqualTo("AAEC");
        assertThat(verifies(body)).isTrue();
        // field order as AWS sends it
        assertThat(iterableFieldNames(body)).containsExactly("Type", "MessageId", "TopicArn", "Subject", "Message",
                "Timestamp", "SignatureVersion", "Signature", "SigningCertURL", "UnsubscribeURL", "MessageAttributes");
        assertThat(sns.deliveryRecords(sub)).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(DeliveryStatus.DELIVERED);
            assertThat(r.attempts()).isEqualTo(1);
        });
    }

    @Test
    void signatureVersion2UsesSha256AndTamperingIsDetected() throws Exception {
        String topic = createTopic("t");
        call("SetTopicAttributes", "{'TopicArn':'" + topic + "','AttributeName':'SignatureVersion','AttributeValue':'2'}");
        subscribe(topic, "sqs", QUEUE);
        call("Publish", "{'TopicArn':'" + topic + "','Message':'hello'}");
        JsonNode body = parse(queues.messages(QUEUE).get(0).body());
        assertThat(body.get("SignatureVersion").asText()).isEqualTo("2");
        assertThat(body.has("Subject")).isFalse();
        assertThat(verifies(body)).isTrue();
        ((com.fasterxml.jackson.databind.node.ObjectNode) body).put("Message", "tampered");
        assertThat(verifies(body)).isFalse();
    }

    @Test
    void rawDeliveryCarriesAttributesOver() {
        String topic = createTopic("t");
        call("Subscribe", "{'TopicArn':'" + topic + "','Protocol':'sqs','Endpoint':'" + QUEUE
                + "','Attributes':{'RawMessageDelivery':'true'}}");
        call("Publish", "{'TopicArn':'" + topic + "','Message':'{\\'k\\':1}','MessageAttributes':{"
                .replace("\\'", "\\\"") + "'n':{'DataType':'Number','StringValue':'42'},"
                + "'b':{'DataType':'Binary','BinaryValue':'AAEC'}}}");
        QueueMessage m = queues.messages(QUEUE).get(0);
        assertThat(m.body()).isEqualTo("{\"k\":1}");
        assertThat(m.attributes().get("n")).isEqualTo(MessageAttribute.string("Number", "42"));
        assertThat(m.attributes().get("b")).isEqualTo(MessageAttribute.binary("Binary", new byte[] {0, 1, 2}));
    }

    @Test
    void fanOutToManyQueuesAcrossAccountsAndFilters() {
        String topic = createTopic("t");
        String other = "arn:aws:sqs:eu-west-1:111122223333:remote";
        queues.create(other);
        String q2 = "arn:aws:sqs:us-east-1:123456789012:q2";
        queues.create(q2);
        subscribe(topic, "sqs", QUEUE);
        call("Subscribe", "{'TopicArn':'" + topic + "','Protocol':'sqs','Endpoint':'" + other + "'}");
        call("Subscribe", "{'TopicArn':'" + topic + "','Protocol':'sqs','Endpoint':'" + q2
                + "','Attributes':{'FilterPolicy':" + js("{\"color\":[\"red\"]}") + "}}");
        call("Publish", "{'TopicArn':'" + topic + "','Message':'m1','MessageAttributes':{'color':{'DataType':'String','StringValue':'blue'}}}");
        call("Publish", "{'TopicArn':'" + topic + "','Message':'m2','MessageAttributes':{'color':{'DataType':'String','StringValue':'red'}}}");
        assertThat(queues.messages(QUEUE)).hasSize(2);
        assertThat(queues.messages(q2)).singleElement().satisfies(m -> assertThat(parse(m.body()).get("Message").asText()).isEqualTo("m2"));
        // another account's queue subscribed by the topic owner waits for the queue owner's confirmation
        assertThat(queues.messages(other)).singleElement()
                .satisfies(m -> assertThat(parse(m.body()).get("Type").asText()).isEqualTo("SubscriptionConfirmation"));
    }

    @Test
    void bodyScopeFilter() {
        String topic = createTopic("t");
        call("Subscribe", "{'TopicArn':'" + topic + "','Protocol':'sqs','Endpoint':'" + QUEUE
                + "','Attributes':{'FilterPolicyScope':'MessageBody','FilterPolicy':" + js("{\"order\":{\"total\":[{\"numeric\":[\">\",100]}]}}") + "}}");
        call("Publish", "{'TopicArn':'" + topic + "','Message':" + js("{\"order\":{\"total\":50}}") + "}");
        call("Publish", "{'TopicArn':'" + topic + "','Message':" + js("{\"order\":{\"total\":150}}") + "}");
        call("Publish", "{'TopicArn':'" + topic + "','Message':'not json'}");
        assertThat(queues.messages(QUEUE)).singleElement()
                .satisfies(m -> assertThat(parse(m.body()).get("Message").asText()).contains("150"));
    }

    @Test
    void messageStructureJsonPicksTheSqsPayload() {
        String topic = createTopic("t");
        subscribe(topic, "sqs", QUEUE);
        call("Publish", "{'TopicArn':'" + topic + "','MessageStructure':'json','Message':"
                + js("{\"default\":\"d\",\"sqs\":\"for sqs\",\"http\":\"for http\"}") + "}");
        assertThat(parse(queues.messages(QUEUE).get(0).body()).get("Message").asText()).isEqualTo("for sqs");
    }

    @Test
    void messageStructureJsonGivesTheDefaultWhenTheSqsPayloadIsNoString() {
        String topic = createTopic("t");
        subscribe(topic, "sqs", QUEUE);
        // As recorded on AWS: an object under "sqs" is ignored.
        call("Publish", "{'TopicArn':'" + topic + "','MessageStructure':'json','Message':"
                + js("{\"default\":\"default field\",\"sqs\":{\"field\":\"value\"}}") + "}");
        call("Publish", "{'TopicArn':'" + topic + "','MessageStructure':'json','Message':"
                + js("{\"default\":\"only default\",\"http\":\"for http\"}") + "}");
        assertThat(queues.messages(QUEUE)).extracting(m -> parse(m.body()).get("Message").asText())
                .containsExactly("default field", "only default");
    }

    @Test
    void fifoTopicToFifoQueueKeepsGroupDedupAndOrder() {
        String topic = call("CreateTopic", "{'Name':'t.fifo','Attributes':{'FifoTopic':'true'}}").get("TopicArn").asText();
        String fifoQueue = "arn:aws:sqs:us-east-1:123456789012:q.fifo";
        queues.create(fifoQueue);
        subscribe(topic, "sqs", fifoQueue);
        String s1 = call("Publish", "{'TopicArn':'" + topic + "','Message':'one','MessageGroupId':'g','MessageDeduplicationId':'d1'}")
                .get("SequenceNumber").asText();
        String s2 = call("Publish", "{'TopicArn':'" + topic + "','Message':'two','MessageGroupId':'g','MessageDeduplicationId':'d2'}")
                .get("SequenceNumber").asText();
        var dup = call("Publish", "{'TopicArn':'" + topic + "','Message':'one again','MessageGroupId':'g','MessageDeduplicationId':'d1'}");
        assertThat(s1).hasSize(20).isLessThan(s2);
        assertThat(dup.get("SequenceNumber").asText()).isEqualTo(s1);
        List<QueueMessage> got = queues.messages(fifoQueue);
        assertThat(got).extracting(m -> parse(m.body()).get("Message").asText()).containsExactly("one", "two");
        assertThat(got.get(0).messageGroupId()).isEqualTo("g");
        assertThat(got.get(0).messageDeduplicationId()).isEqualTo("d1");
        JsonNode body = parse(got.get(0).body());
        assertThat(body.get("SequenceNumber").asText()).isEqualTo(s1);
        assertThat(body.has("Signature")).isFalse();
        // the window closes after five minutes
        clock.advance(java.time.Duration.ofMinutes(5));
        call("Publish", "{'TopicArn':'" + topic + "','Message':'one later','MessageGroupId':'g','MessageDeduplicationId':'d1'}");
        assertThat(got).hasSize(3);
    }

    @Test
    void fifoRules() {
        String topic = call("CreateTopic", "{'Name':'t.fifo','Attributes':{'FifoTopic':'true'}}").get("TopicArn").asText();
        fails("Publish", "{'TopicArn':'" + topic + "','Message':'x'}", "InvalidParameter",
                "The MessageGroupId parameter is required for FIFO topics");
        fails("Publish", "{'TopicArn':'" + topic + "','Message':'x','MessageGroupId':'g'}", "InvalidParameter",
                "ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly");
        call("SetTopicAttributes", "{'TopicArn':'" + topic + "','AttributeName':'ContentBasedDeduplication','AttributeValue':'true'}");
        String fifoQueue = "arn:aws:sqs:us-east-1:123456789012:q.fifo";
        queues.create(fifoQueue);
        subscribe(topic, "sqs", fifoQueue);
        call("Publish", "{'TopicArn':'" + topic + "','Message':'same','MessageGroupId':'g'}");
        call("Publish", "{'TopicArn':'" + topic + "','Message':'same','MessageGroupId':'g'}");
        assertThat(queues.messages(fifoQueue)).hasSize(1);
        assertThat(queues.messages(fifoQueue).get(0).messageDeduplicationId()).hasSize(64);
        String standard = createTopic("s");
        fails("Publish", "{'TopicArn':'" + standard + "','Message':'x','MessageDeduplicationId':'d'}", "InvalidParameter",
                "MessageDeduplicationId");
        fails("Subscribe", "{'TopicArn':'" + standard + "','Protocol':'sqs','Endpoint':'" + fifoQueue + "'}", "InvalidParameter",
                "FIFO SQS Queues can not be subscribed to standard SNS topics");
        fails("Subscribe", "{'TopicArn':'" + topic + "','Protocol':'http','Endpoint':'http://x.test/'}", "InvalidParameter",
                "Invalid protocol type");
    }

    @Test
    void fifoTopicsAndQueuesAreMatchedAsAwsChecksThem() {
        String standard = createTopic("s");
        String fifo = call("CreateTopic", "{'Name':'t.fifo','Attributes':{'FifoTopic':'true'}}").get("TopicArn").asText();
        String fifoQueue = "arn:aws:sqs:us-east-1:123456789012:q.fifo";
        String dlq = "arn:aws:sqs:us-east-1:123456789012:dlq";
        // The following as recorded on AWS.
        assertThat(invalidParameter("Subscribe", "{'TopicArn':'" + standard + "','Protocol':'sqs','Endpoint':'" + fifoQueue + "'}"))
                .isEqualTo("Invalid parameter: Invalid parameter: Endpoint Reason: FIFO SQS Queues can not be subscribed to "
                        + "standard SNS topics");
        String redrive = "','AttributeName':'RedrivePolicy','AttributeValue':" + js("{\"deadLetterTargetArn\":\"" + dlq + "\"}") + "}";
        String standardQueueSub = subscribe(fifo, "sqs", QUEUE);
        call("SetSubscriptionAttributes", "{'SubscriptionArn':'" + standardQueueSub + redrive);
        String fifoQueueSub = subscribe(fifo, "sqs", fifoQueue);
        assertThat(invalidParameter("SetSubscriptionAttributes", "{'SubscriptionArn':'" + fifoQueueSub + redrive))
                .isEqualTo("Invalid parameter: RedrivePolicy: must use a FIFO queue as DLQ for a FIFO Subscription to a FIFO Topic.");
    }

    @Test
    void missingQueueGoesToTheDeadLetterQueue() {
        String topic = createTopic("t");
        String dlq = "arn:aws:sqs:us-east-1:123456789012:dlq";
        queues.create(dlq);
        String sub = call("Subscribe", "{'TopicArn':'" + topic + "','Protocol':'sqs','Endpoint':'arn:aws:sqs:us-east-1:123456789012:gone',"
                + "'Attributes':{'RedrivePolicy':" + js("{\"deadLetterTargetArn\":\"" + dlq + "\"}") + "}}")
                .get("SubscriptionArn").asText();
        call("Publish", "{'TopicArn':'" + topic + "','Message':'lost'}");
        QueueMessage dead = queues.messages(dlq).get(0);
        assertThat(parse(dead.body()).get("Message").asText()).isEqualTo("lost");
        assertThat(dead.attributes()).containsKeys("ErrorCode", "ErrorMessage", "RequestID");
        assertThat(sns.deliveryRecords(sub).get(0).status()).isEqualTo(DeliveryStatus.REDRIVEN);
    }

    private static List<String> iterableFieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
