package io.mailroom.it;

import static io.mailroom.it.SnsClients.SNS;
import static io.mailroom.it.SnsClients.invalidParameter;
import static io.mailroom.it.SnsClients.snsError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.model.BatchEntryIdsNotDistinctException;
import software.amazon.awssdk.services.sns.model.BatchRequestTooLongException;
import software.amazon.awssdk.services.sns.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sns.model.EmptyBatchRequestException;
import software.amazon.awssdk.services.sns.model.InvalidBatchEntryIdException;
import software.amazon.awssdk.services.sns.model.InvalidParameterValueException;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;
import software.amazon.awssdk.services.sns.model.PublishBatchResultEntry;
import software.amazon.awssdk.services.sns.model.TooManyEntriesInBatchRequestException;

/** Publish's validation and PublishBatch's batch-level rules and per-entry failures. */
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
    void anEntrysOwnErrorFailsOnlyThatEntry() {
        String topic = SnsClients.createTopic("batch-partial");
        PublishBatchResponse response = SNS.publishBatch(b -> b.topicArn(topic).publishBatchRequestEntries(
                entry("good", "fine"),
                entry("empty", ""),
                PublishBatchRequestEntry.builder().id("subject").message("m").subject("bad\nsubject").build(),
                PublishBatchRequestEntry.builder().id("dedup").message("m").messageDeduplicationId("d").build()));

        assertThat(response.successful()).extracting(PublishBatchResultEntry::id).containsExactly("good");
        assertThat(response.failed()).extracting(BatchResultErrorEntry::id)
                .containsExactlyInAnyOrder("empty", "subject", "dedup");
        assertThat(response.failed()).allSatisfy(f -> {
            assertThat(f.code()).isEqualTo("InvalidParameter");
            assertThat(f.senderFault()).isTrue();
            assertThat(f.message()).isNotEmpty();
        });
    }

    @Test
    void fifoBatchEntriesWithoutAGroupFail() {
        String fifo = SnsClients.createFifoTopic("batch-fifo", true);
        PublishBatchResponse response = SNS.publishBatch(b -> b.topicArn(fifo).publishBatchRequestEntries(
                PublishBatchRequestEntry.builder().id("a").message("one").messageGroupId("g").build(),
                PublishBatchRequestEntry.builder().id("b").message("two").build()));
        assertThat(response.successful()).extracting(PublishBatchResultEntry::id).containsExactly("a");
        assertThat(response.successful().get(0).sequenceNumber()).isNotEmpty();
        assertThat(response.failed()).extracting(BatchResultErrorEntry::id).containsExactly("b");
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
        SnsClients.notFound(() -> SNS.publishBatch(b -> b.topicArn(topic + "-gone")
                .publishBatchRequestEntries(entry("a", "m"))));
    }
}
