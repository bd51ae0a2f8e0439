package io.mailroom.it;

import static io.mailroom.it.SnsClients.invalidParameter;
import static io.mailroom.it.SnsClients.name;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailroom.junit5.MailroomExtension;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** SNS to SQS: fan-out with filter policies, raw and enveloped delivery, FIFO topic to FIFO queue. */
@ExtendWith(MailroomExtension.class)
class SnsFanOutIT {
    private final SnsClient sns;
    private final SqsClient sqs;

    SnsFanOutIT(SnsClient sns, SqsClient sqs) {
        this.sns = sns;
        this.sqs = sqs;
    }

    /** A queue and its ARN. */
    record Queue(String url, String arn) {
    }

    /** A queue on {@code sqs}'s server; also used by {@link SnsHttpSubscriberIT} on the shared server. */
    static Queue queue(SqsClient sqs, String prefix) {
        return queue(sqs, name(prefix), Map.of());
    }

    static Queue queue(SqsClient sqs, String name, Map<QueueAttributeName, String> attributes) {
        String url = sqs.createQueue(b -> b.queueName(name).attributes(attributes)).queueUrl();
        String arn = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        return new Queue(url, arn);
    }

    private Queue queue(String prefix) {
        return queue(sqs, prefix);
    }

    private Queue fifoQueue(String prefix) {
        return queue(sqs, name(prefix) + ".fifo", Map.of(QueueAttributeName.FIFO_QUEUE, "true"));
    }

    private String createTopic(String prefix) {
        return sns.createTopic(b -> b.name(name(prefix))).topicArn();
    }

    private String createFifoTopic(String prefix, boolean contentBasedDeduplication) {
        return sns.createTopic(b -> b.name(name(prefix) + ".fifo").attributes(Map.of(
                "FifoTopic", "true", "ContentBasedDeduplication", Boolean.toString(contentBasedDeduplication))))
                .topicArn();
    }

    private String subscribe(String topic, Queue queue, Map<String, String> attributes) {
        return sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(queue.arn()).attributes(attributes))
                .subscriptionArn();
    }

    /** Receives (and deletes) messages until {@code count} arrived; fails after 5 s. */
    static List<Message> receive(SqsClient sqs, Queue queue, int count) {
        List<Message> got = new ArrayList<>();
        SnsClients.await(count + " messages in " + queue.url(), () -> {
            List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(queue.url()).maxNumberOfMessages(10)
                    .waitTimeSeconds(0).messageAttributeNames("All")
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
            for (Message m : batch) {
                got.add(m);
                sqs.deleteMessage(b -> b.queueUrl(queue.url()).receiptHandle(m.receiptHandle()));
            }
            return got.size() >= count ? got : null;
        });
        return got;
    }

    /** The queue holds no message now (visible or in flight). */
    private List<Message> receive(Queue queue, int count) {
        return receive(sqs, queue, count);
    }

    private void assertEmpty(Queue queue) {
        Map<QueueAttributeName, String> a = sqs.getQueueAttributes(b -> b.queueUrl(queue.url()).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        assertThat(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).isEqualTo("0");
        assertThat(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).isEqualTo("0");
    }

    static List<String> messagesOf(List<Message> envelopes) {
        return envelopes.stream().map(m -> SnsClients.readJson(m.body()).get("Message").asText()).toList();
    }

    static MessageAttributeValue string(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }

    @Test
    void eachQueueGetsWhatItsFilterPolicyLetsThrough() {
        String topic = createTopic("fanout");
        Queue all = queue("all");
        Queue red = queue("red");
        Queue big = queue("big");
        Queue express = queue("express");
        subscribe(topic, all, Map.of());
        subscribe(topic, red, Map.of("FilterPolicy", "{\"colour\":[\"red\"]}"));
        subscribe(topic, big, Map.of("FilterPolicyScope", "MessageBody",
                "FilterPolicy", "{\"order\":{\"size\":[{\"numeric\":[\">\",10]}]}}"));
        subscribe(topic, express, Map.of("FilterPolicy",
                "{\"shipping\":[{\"prefix\":\"express-\"}],\"weight\":[{\"numeric\":[\"<=\",5]}]}"));

        sns.publish(b -> b.topicArn(topic).message("{\"order\":{\"size\":5}}")
                .messageAttributes(Map.of("colour", string("red"))));
        sns.publish(b -> b.topicArn(topic).message("{\"order\":{\"size\":20}}")
                .messageAttributes(Map.of("colour", string("blue"), "shipping", string("express-eu"),
                        "weight", MessageAttributeValue.builder().dataType("Number").stringValue("2.5").build())));
        sns.publish(b -> b.topicArn(topic).message("not json at all")
                .messageAttributes(Map.of("shipping", string("express-us"),
                        "weight", MessageAttributeValue.builder().dataType("Number").stringValue("9").build())));

        assertThat(messagesOf(receive(all, 3))).containsExactlyInAnyOrder(
                "{\"order\":{\"size\":5}}", "{\"order\":{\"size\":20}}", "not json at all");
        assertThat(messagesOf(receive(red, 1))).containsExactly("{\"order\":{\"size\":5}}");
        assertThat(messagesOf(receive(big, 1))).containsExactly("{\"order\":{\"size\":20}}");
        assertThat(messagesOf(receive(express, 1))).containsExactly("{\"order\":{\"size\":20}}");
        assertEmpty(all);
        assertEmpty(red);
        assertEmpty(big);
        assertEmpty(express);
    }

    @Test
    void aDottedBodyKeyMatchesItsValueHoweverTheKeysAreNested() {
        String topic = createTopic("dotted");
        Queue queue = queue("dotted");
        subscribe(topic, queue, Map.of("FilterPolicyScope", "MessageBody", "RawMessageDelivery", "true",
                "FilterPolicy", "{\"object.nested.test\":[\"string.value\"]}"));
        List<String> shapes = List.of(
                "{\"object\":{\"nested\":{\"test\":\"string.value\"}}}",
                "{\"object.nested.test\":\"string.value\"}",
                "{\"object.nested\":{\"test\":\"string.value\"}}",
                "{\"object\":{\"nested.test\":\"string.value\"}}");

        sns.publish(b -> b.topicArn(topic).message("{\"object\":{\"nested\":{\"test\":\"string.notvalue\"}}}"));
        shapes.forEach(body -> sns.publish(b -> b.topicArn(topic).message(body)));

        assertThat(receive(queue, shapes.size()).stream().map(Message::body).toList())
                .containsExactlyInAnyOrderElementsOf(shapes);
        assertEmpty(queue);
    }

    @Test
    void envelopedDeliveryWrapsTheMessageAndItsAttributesInJson() {
        String topic = createTopic("envelope");
        Queue queue = queue("enveloped");
        String subscription = subscribe(topic, queue, Map.of());
        byte[] blob = {1, 2, 3, (byte) 0xff};
        String messageId = sns.publish(b -> b.topicArn(topic).subject("Order shipped").message("order 42 shipped")
                .messageAttributes(Map.of(
                        "colour", string("red"),
                        "count", MessageAttributeValue.builder().dataType("Number").stringValue("3").build(),
                        "blob", MessageAttributeValue.builder().dataType("Binary")
                                .binaryValue(SdkBytes.fromByteArray(blob)).build())))
                .messageId();

        Message received = receive(queue, 1).get(0);
        assertThat(received.messageAttributes()).isEmpty();
        JsonNode envelope = SnsClients.readJson(received.body());
        assertThat(envelope.get("Type").asText()).isEqualTo("Notification");
        assertThat(envelope.get("MessageId").asText()).isEqualTo(messageId);
        assertThat(envelope.get("TopicArn").asText()).isEqualTo(topic);
        assertThat(envelope.get("Subject").asText()).isEqualTo("Order shipped");
        assertThat(envelope.get("Message").asText()).isEqualTo("order 42 shipped");
        assertThat(envelope.get("Timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(envelope.get("SignatureVersion").asText()).isEqualTo("1");
        assertThat(envelope.get("Signature").asText()).isNotEmpty();
        assertThat(envelope.get("SigningCertURL").asText()).endsWith(".pem");
        assertThat(envelope.get("UnsubscribeURL").asText()).contains("Action=Unsubscribe")
                .contains("SubscriptionArn=" + subscription);
        JsonNode attributes = envelope.get("MessageAttributes");
        assertThat(attributes.get("colour").get("Type").asText()).isEqualTo("String");
        assertThat(attributes.get("colour").get("Value").asText()).isEqualTo("red");
        assertThat(attributes.get("count").get("Type").asText()).isEqualTo("Number");
        assertThat(attributes.get("count").get("Value").asText()).isEqualTo("3");
        assertThat(attributes.get("blob").get("Type").asText()).isEqualTo("Binary");
        assertThat(Base64.getDecoder().decode(attributes.get("blob").get("Value").asText())).isEqualTo(blob);
    }

    @Test
    void rawDeliveryPassesTheBodyAndAttributesThroughUnchanged() {
        String topic = createTopic("raw");
        Queue queue = queue("raw");
        subscribe(topic, queue, Map.of("RawMessageDelivery", "true"));
        byte[] blob = {9, 8, 7};
        sns.publish(b -> b.topicArn(topic).subject("ignored in raw").message("{\"exact\":\"body\"}")
                .messageAttributes(Map.of(
                        "colour", string("green"),
                        "count", MessageAttributeValue.builder().dataType("Number").stringValue("12").build(),
                        "blob", MessageAttributeValue.builder().dataType("Binary")
                                .binaryValue(SdkBytes.fromByteArray(blob)).build())));

        Message received = receive(queue, 1).get(0);
        assertThat(received.body()).isEqualTo("{\"exact\":\"body\"}");
        var attributes = received.messageAttributes();
        assertThat(attributes.get("colour").dataType()).isEqualTo("String");
        assertThat(attributes.get("colour").stringValue()).isEqualTo("green");
        assertThat(attributes.get("count").dataType()).isEqualTo("Number");
        assertThat(attributes.get("count").stringValue()).isEqualTo("12");
        assertThat(attributes.get("blob").dataType()).isEqualTo("Binary");
        assertThat(attributes.get("blob").binaryValue().asByteArray()).isEqualTo(blob);
    }

    @Test
    void aTopicWithAOneMebibyteLimitDeliversLargeMessages() {
        String topic = sns.createTopic(b -> b.name(name("large")).attributes(Map.of("MaximumMessageSize", "1048576")))
                .topicArn();
        Queue queue = queue("large");
        subscribe(topic, queue, Map.of("RawMessageDelivery", "true"));
        String body = "l".repeat(700 * 1024);
        sns.publish(b -> b.topicArn(topic).message(body));
        assertThat(receive(queue, 1).get(0).body()).isEqualTo(body);
        assertThat(SnsClients.invalidParameter(() -> sns.publish(b -> b.topicArn(topic).message("l".repeat(1_048_577))))
                .awsErrorDetails().errorMessage()).isEqualTo("Invalid parameter: Message too long");
    }

    @Test
    void messageStructureJsonSendsTheSqsVariant() {
        String topic = createTopic("structure");
        Queue queue = queue("structure");
        subscribe(topic, queue, Map.of("RawMessageDelivery", "true"));
        sns.publish(b -> b.topicArn(topic).messageStructure("json")
                .message("{\"default\":\"for everyone\",\"sqs\":\"for queues\",\"email\":\"for people\"}"));
        assertThat(receive(queue, 1).get(0).body()).isEqualTo("for queues");
    }

    @Test
    void messageStructureJsonSendsTheDefaultWhenTheSqsVariantIsNoString() {
        String topic = createTopic("structure-default");
        Queue queue = queue("structure-default");
        subscribe(topic, queue, Map.of());
        // As recorded on AWS: an object under "sqs" is ignored.
        sns.publish(b -> b.topicArn(topic).messageStructure("json")
                .message("{\"default\":\"default field\",\"sqs\":{\"field\":\"value\"}}"));
        assertThat(SnsClients.readJson(receive(queue, 1).get(0).body()).get("Message").asText()).isEqualTo("default field");
    }

    @Test
    void fifoTopicDeliversToFifoQueueInOrderWithoutDuplicates() {
        String topic = createFifoTopic("ordered", false);
        Queue queue = fifoQueue("ordered");
        subscribe(topic, queue, Map.of("RawMessageDelivery", "true"));

        for (int i = 0; i < 8; i++) {
            int n = i;
            sns.publish(b -> b.topicArn(topic).message("step " + n).messageGroupId("order-1")
                    .messageDeduplicationId("dedup-" + n));
        }
        // Retried publishes with the same deduplication id are not delivered again.
        sns.publish(b -> b.topicArn(topic).message("step 3").messageGroupId("order-1").messageDeduplicationId("dedup-3"));
        sns.publish(b -> b.topicArn(topic).message("step 5 again").messageGroupId("order-1")
                .messageDeduplicationId("dedup-5"));

        List<Message> received = receive(queue, 8);
        assertThat(received).extracting(Message::body).containsExactly(
                "step 0", "step 1", "step 2", "step 3", "step 4", "step 5", "step 6", "step 7");
        assertThat(received).allSatisfy(m ->
                assertThat(m.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID)).isEqualTo("order-1"));
        assertThat(received.get(0).attributes().get(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID))
                .isEqualTo("dedup-0");
        assertEmpty(queue);
    }

    @Test
    void fifoEnvelopeCarriesTheSequenceNumber() {
        String topic = createFifoTopic("fifo-envelope", true);
        Queue queue = fifoQueue("fifo-envelope");
        subscribe(topic, queue, Map.of());
        var published = sns.publish(b -> b.topicArn(topic).message("hello fifo").messageGroupId("g"));

        JsonNode envelope = SnsClients.readJson(receive(queue, 1).get(0).body());
        assertThat(envelope.get("Type").asText()).isEqualTo("Notification");
        assertThat(envelope.get("MessageId").asText()).isEqualTo(published.messageId());
        assertThat(envelope.get("SequenceNumber").asText()).isEqualTo(published.sequenceNumber());
        assertThat(envelope.get("Message").asText()).isEqualTo("hello fifo");
    }

    @Test
    void standardTopicCannotSubscribeAFifoQueue() {
        String topic = createTopic("std-to-fifo");
        Queue queue = fifoQueue("refused");
        invalidParameter(() -> subscribe(topic, queue, Map.of()));
        assertThat(sns.listSubscriptionsByTopic(b -> b.topicArn(topic)).subscriptions()).isEmpty();
    }
}
