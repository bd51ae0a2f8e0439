package io.mailroom.it;

import static io.mailroom.it.SnsClients.SNS;
import static io.mailroom.it.SnsClients.invalidParameter;
import static io.mailroom.it.SnsClients.snsError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sns.model.BatchEntryIdsNotDistinctException;
import software.amazon.awssdk.services.sns.model.BatchRequestTooLongException;
import software.amazon.awssdk.services.sns.model.EmptyBatchRequestException;
import software.amazon.awssdk.services.sns.model.InvalidBatchEntryIdException;
import software.amazon.awssdk.services.sns.model.InvalidParameterValueException;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;
import software.amazon.awssdk.services.sns.model.PublishBatchResultEntry;
import software.amazon.awssdk.services.sns.model.TooManyEntriesInBatchRequestException;

/** Publish's validation and PublishBatch's rules, which fail the whole request, an entry's included. */
class SnsPublishIT {

    private static PublishBatchRequestEntry entry(String id, String message) {
        return PublishBatchRequestEntry.builder().id(id).message(message).build();
    }

    private static MessageAttributeValue string(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }

    @Test
    void publishAnswersAMessageId() {
        String topic = SnsClients.createTopic("publish");
        String id = SNS.publish(b -> b.topicArn(topic).message("hello").subject("Greeting")
                .messageAttributes(Map.of("kind", string("greeting")))).messageId();
        assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        // TargetArn may name a topic too.
        assertThat(SNS.publish(b -> b.targetArn(topic).message("hello")).messageId()).isNotEqualTo(id);
    }

    @Test
    void publishRefusesInvalidInput() {
        String topic = SnsClients.createTopic("publish-bad");
        invalidParameter(() -> SNS.publish(b -> b.message("nowhere")));
        invalidParameter(() -> SNS.publish(b -> b.topicArn(topic).phoneNumber("+15555550100").message("both")));
        invalidParameter(() -> SNS.publish(b -> b.topicArn(topic).message("")));
        invalidParameter(() -> SNS.publish(b -> b.topicArn(topic).message("m").subject("line\nbreak")));
        invalidParameter(() -> SNS.publish(b -> b.topicArn(topic).message("m").subject("s".repeat(101))));
        invalidParameter(() -> SNS.publish(b -> b.topicArn(topic).message("x".repeat(262_145))));
        invalidParameter(() -> SNS.publish(b -> b.topicArn(topic).message("{\"sqs\":\"no default\"}")
                .messageStructure("json")));
        invalidParameter(() -> SNS.publish(b -> b.topicArn(topic).message("not json").messageStructure("json")));
        // Bad message attributes are ParameterValueInvalid.
        snsError(InvalidParameterValueException.class, "ParameterValueInvalid", 400,
                () -> SNS.publish(b -> b.topicArn(topic).message("m")
                .messageAttributes(Map.of("n", MessageAttributeValue.builder().dataType("Number")
                        .stringValue("twelve").build()))));
        snsError(InvalidParameterValueException.class, "ParameterValueInvalid", 400,
                () -> SNS.publish(b -> b.topicArn(topic).message("m")
                .messageAttributes(Map.of("n", MessageAttributeValue.builder().dataType("Colour")
                        .stringValue("red").build()))));
        invalidParameter(() -> SNS.publish(b -> b.topicArn(topic).message("m").messageDeduplicationId("d")));
    }

    @Test
    void messageStructureJsonMustBeOneJsonObjectWithADefault() {
        String topic = SnsClients.createTopic("publish-structure");
        // As recorded on AWS: content after the object does not parse; a key given twice does.
        assertThat(invalidParameter(() -> SNS.publish(b -> b.topicArn(topic).messageStructure("json")
                .message("{\"default\": \"This is a default message\"} }"))).awsErrorDetails().errorMessage())
                .isEqualTo("Invalid parameter: Message Structure - JSON message body failed to parse");
        assertThat(SNS.publish(b -> b.topicArn(topic).messageStructure("json")
                .message("{\"default\": \"one\", \"default\": \"two\"}")).messageId()).isNotEmpty();
    }

    @Test
    void messageAttributeNamesAndTypesAreRefusedInAwsWords() {
        String topic = SnsClients.createTopic("publish-attrs");
        // As recorded on AWS.
        for (String type : List.of("String.", "Stringprefixed")) {
            assertThat(snsError(InvalidParameterValueException.class, "ParameterValueInvalid", 400,
                    () -> SNS.publish(b -> b.topicArn(topic).message("test message").messageAttributes(Map.of("attr1",
                            MessageAttributeValue.builder().dataType(type).stringValue("prefixed-1").build()))))
                    .awsErrorDetails().errorMessage()).isEqualTo("The message attribute 'attr1' has an invalid message "
                    + "attribute type, the set of supported type prefixes is Binary, Number, and String.");
        }
        for (String type : List.of("String.prefixed", "String.  prefixed.")) {
            SNS.publish(b -> b.topicArn(topic).message("test message").messageAttributes(Map.of("attr1",
                    MessageAttributeValue.builder().dataType(type).stringValue("prefixed-1").build())));
        }
        assertThat(snsError(InvalidParameterValueException.class, "ParameterValueInvalid", 400,
                () -> SNS.publish(b -> b.topicArn(topic).message("m").messageAttributes(Map.of(".abc", string("123")))))
                .awsErrorDetails().errorMessage()).isEqualTo("Invalid message attribute name starting with character '.' was found.");
        assertThat(snsError(InvalidParameterValueException.class, "ParameterValueInvalid", 400,
                () -> SNS.publish(b -> b.topicArn(topic).message("m").messageAttributes(Map.of("abc.", string("123")))))
                .awsErrorDetails().errorMessage()).isEqualTo("Invalid message attribute name ending with character '.' was found.");
        // The SDK for Java v2 sends an attribute without its DataType; AWS's request validation names it.
        assertThat(snsError(software.amazon.awssdk.services.sns.model.SnsException.class, "ValidationError", 400,
                () -> SNS.publish(b -> b.topicArn(topic).message("m").messageAttributes(Map.of("attr1",
                        MessageAttributeValue.builder().stringValue("value").build()))))
                .awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: Value null at"
                + " 'messageAttributes.attr1.member.dataType' failed to satisfy constraint: Member must not be null");
        assertThat(snsError(software.amazon.awssdk.services.sns.model.SnsException.class, "ValidationError", 400,
                () -> SNS.publishBatch(b -> b.topicArn(topic).publishBatchRequestEntries(entry("a", "m"),
                        PublishBatchRequestEntry.builder().id("b").messageAttributes(Map.of("attr1",
                                MessageAttributeValue.builder().dataType("String").stringValue("v").build())).build())))
                .awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: Value null at"
                + " 'publishBatchRequestEntries.2.member.message' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void fifoTopicsNeedAGroupAndADeduplicationId() {
        String fifo = SnsClients.createFifoTopic("publish-fifo", false);
        invalidParameter(() -> SNS.publish(b -> b.topicArn(fifo).message("m").messageDeduplicationId("d")));
        invalidParameter(() -> SNS.publish(b -> b.topicArn(fifo).message("m").messageGroupId("g")));

        var first = SNS.publish(b -> b.topicArn(fifo).message("m").messageGroupId("g").messageDeduplicationId("d1"));
        var second = SNS.publish(b -> b.topicArn(fifo).message("m").messageGroupId("g").messageDeduplicationId("d2"));
        assertThat(first.sequenceNumber()).isNotEmpty();
        assertThat(new java.math.BigInteger(second.sequenceNumber()))
                .isGreaterThan(new java.math.BigInteger(first.sequenceNumber()));
        // A duplicate within the deduplication interval is answered like the original.
        var duplicate = SNS.publish(b -> b.topicArn(fifo).message("m").messageGroupId("g").messageDeduplicationId("d1"));
        assertThat(duplicate.messageId()).isEqualTo(first.messageId());

        String contentBased = SnsClients.createFifoTopic("publish-cbd", true);
        assertThat(SNS.publish(b -> b.topicArn(contentBased).message("m").messageGroupId("g")).sequenceNumber())
                .isNotEmpty();
    }

    @Test
    void publishBatchAnswersEachEntry() {
        String topic = SnsClients.createTopic("batch");
        PublishBatchResponse response = SNS.publishBatch(b -> b.topicArn(topic).publishBatchRequestEntries(
                entry("first", "one"), entry("second", "two"), entry("third-3", "three")));
        assertThat(response.failed()).isEmpty();
        assertThat(response.successful()).extracting(PublishBatchResultEntry::id)
                .containsExactlyInAnyOrder("first", "second", "third-3");
        assertThat(response.successful()).extracting(PublishBatchResultEntry::messageId).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).isNotEmpty());
    }

    @Test
    void aBadEntryFailsTheWholeBatchWithTheFirstBadEntrysError() {
        String topic = SnsClients.createTopic("batch-bad-entry");
        // As recorded on AWS: entry 2 is bad too (a String attribute given a BinaryValue), but entry 1 is told.
        InvalidParameterValueException e = snsError(InvalidParameterValueException.class, "ParameterValueInvalid", 400,
                () -> SNS.publishBatch(b -> b.topicArn(topic).publishBatchRequestEntries(
                        PublishBatchRequestEntry.builder().id("1").message("test-batch")
                                .messageAttributes(Map.of("attr1", string(""))).build(),
                        PublishBatchRequestEntry.builder().id("2").message("test-batch").messageAttributes(Map.of("attr1",
                                MessageAttributeValue.builder().dataType("String")
                                        .binaryValue(SdkBytes.fromUtf8String("123")).build())).build(),
                        entry("3", "valid-batch"))));
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The message attribute 'attr1' must contain non-empty "
                + "message attribute value for message attribute type 'String'.");
        invalidParameter(() -> SNS.publishBatch(b -> b.topicArn(topic).publishBatchRequestEntries(
                entry("good", "fine"), entry("empty", ""))));
        invalidParameter(() -> SNS.publishBatch(b -> b.topicArn(topic).publishBatchRequestEntries(entry("good", "fine"),
                PublishBatchRequestEntry.builder().id("dedup").message("m").messageDeduplicationId("d").build())));
    }

    @Test
    void aFifoBatchEntryWithoutAGroupOrDeduplicationIdFailsTheWholeBatch() {
        String fifo = SnsClients.createFifoTopic("batch-fifo", false);
        // As recorded on AWS.
        assertThat(invalidParameter(() -> SNS.publishBatch(b -> b.topicArn(fifo).publishBatchRequestEntries(
                PublishBatchRequestEntry.builder().id("a").message("one").messageGroupId("g").messageDeduplicationId("d")
                        .build(),
                entry("b", "Test message without Group ID")))).awsErrorDetails().errorMessage())
                .isEqualTo("Invalid parameter: The MessageGroupId parameter is required for FIFO topics");
        assertThat(invalidParameter(() -> SNS.publishBatch(b -> b.topicArn(fifo).publishBatchRequestEntries(
                PublishBatchRequestEntry.builder().id("1").message("x").messageGroupId("msg1").build())))
                .awsErrorDetails().errorMessage()).isEqualTo("Invalid parameter: The topic should either have "
                + "ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly");
        assertThat(invalidParameter(() -> SNS.publishBatch(b -> b.topicArn(fifo).publishBatchRequestEntries(
                PublishBatchRequestEntry.builder().id("1").message("{\"sqs\":\"test sqs\"}").messageStructure("json")
                        .build()))).awsErrorDetails().errorMessage())
                .isEqualTo("Invalid parameter: Message Structure - No default entry in JSON message body");
    }

    @Test
    void batchLevelRulesFailTheWholeRequest() {
        String topic = SnsClients.createTopic("batch-rules");
        snsError(EmptyBatchRequestException.class, "EmptyBatchRequest", 400,
                () -> SNS.publishBatch(b -> b.topicArn(topic).publishBatchRequestEntries(List.of())));

        List<PublishBatchRequestEntry> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(entry("e" + i, "m"));
        }
        snsError(TooManyEntriesInBatchRequestException.class, "TooManyEntriesInBatchRequest", 400,
                () -> SNS.publishBatch(b -> b.topicArn(topic).publishBatchRequestEntries(eleven)));
        snsError(BatchEntryIdsNotDistinctException.class, "BatchEntryIdsNotDistinct", 400,
                () -> SNS.publishBatch(b -> b.topicArn(topic).publishBatchRequestEntries(entry("x", "1"), entry("x", "2"))));
        snsError(InvalidBatchEntryIdException.class, "InvalidBatchEntryId", 400,
                () -> SNS.publishBatch(b -> b.topicArn(topic).publishBatchRequestEntries(entry("not valid!", "1"))));
        String big = "x".repeat(140_000);
        snsError(BatchRequestTooLongException.class, "BatchRequestTooLong", 400,
                () -> SNS.publishBatch(b -> b.topicArn(topic).publishBatchRequestEntries(entry("a", big), entry("b", big))));
        // The attributes count too, as recorded on AWS: 262,144 bytes in all pass, one more does not.
        Map<String, MessageAttributeValue> attribute = Map.of("attr1",
                MessageAttributeValue.builder().dataType("Number").stringValue("1").build());
        int attributeBytes = "attr1".length() + "Number".length() + "1".length();
        BatchRequestTooLongException tooLong = snsError(BatchRequestTooLongException.class, "BatchRequestTooLong", 400,
                () -> SNS.publishBatch(b -> b.topicArn(topic).publishBatchRequestEntries(
                        PublishBatchRequestEntry.builder().id("1").message("a".repeat(262_144 - attributeBytes))
                                .messageAttributes(attribute).build(), entry("2", "b"))));
        assertThat(tooLong.awsErrorDetails().errorMessage())
                .isEqualTo("The length of all the messages put together is more than the limit.");
        assertThat(SNS.publishBatch(b -> b.topicArn(topic).publishBatchRequestEntries(
                PublishBatchRequestEntry.builder().id("1").message("a".repeat(262_144 - attributeBytes - 1))
                        .messageAttributes(attribute).build(), entry("2", "b"))).successful()).hasSize(2);
        SnsClients.notFound(() -> SNS.publishBatch(b -> b.topicArn(topic + "-gone")
                .publishBatchRequestEntries(entry("a", "m"))));
    }
}
