package io.mailroom.it;

import static io.mailroom.it.Sqs.CLIENT;
import static io.mailroom.it.Sqs.assertQueueDoesNotExist;
import static io.mailroom.it.Sqs.assertSqsError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.BatchEntryIdsNotDistinctException;
import software.amazon.awssdk.services.sqs.model.BatchRequestTooLongException;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchResponse;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.EmptyBatchRequestException;
import software.amazon.awssdk.services.sqs.model.InvalidBatchEntryIdException;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeNameForSends;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;
import software.amazon.awssdk.services.sqs.model.TooManyEntriesInBatchRequestException;

/** SendMessageBatch, DeleteMessageBatch and ChangeMessageVisibilityBatch: entries, per-entry failures, batch rules. */
class SqsBatchIT {
    private static final String P = "SqsBatchIT";

    private static SendMessageBatchRequestEntry entry(String id, String body) {
        return SendMessageBatchRequestEntry.builder().id(id).messageBody(body).build();
    }

    private static List<SendMessageBatchRequestEntry> entries(int n) {
        return IntStream.range(0, n).mapToObj(i -> entry("e" + i, "body " + i)).toList();
    }

    private static SendMessageBatchResponse sendBatch(String url, List<SendMessageBatchRequestEntry> entries) {
        return CLIENT.sendMessageBatch(b -> b.queueUrl(url).entries(entries));
    }

    private static void assertFailed(BatchResultErrorEntry failed, String id, String code) {
        assertThat(failed.id()).isEqualTo(id);
        assertThat(failed.code()).isEqualTo(code);
        assertThat(failed.senderFault()).isTrue();
        assertThat(failed.message()).isNotBlank();
    }

    // ---------------------------------------------------------------- SendMessageBatch

    @Test
    void sendMessageBatchSendsEveryEntryWithItsDigests() {
        String url = Sqs.create(Sqs.name(P));
        Map<String, MessageAttributeValue> attributes = Map.of(
                "s", MessageAttributeValue.builder().dataType("String").stringValue("\u00fcber").build(),
                "n", MessageAttributeValue.builder().dataType("Number.int").stringValue("7").build(),
                "b", MessageAttributeValue.builder().dataType("Binary").binaryValue(SdkBytes.fromByteArray(new byte[] {9, 8, 7})).build());
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            entries.add(SendMessageBatchRequestEntry.builder().id("entry_" + i).messageBody("body-" + i)
                    .messageAttributes(i % 2 == 0 ? attributes : Map.of()).build());
        }
        entries.add(SendMessageBatchRequestEntry.builder().id("traced").messageBody("with trace")
                .messageSystemAttributes(Map.of(MessageSystemAttributeNameForSends.AWS_TRACE_HEADER,
                        MessageSystemAttributeValue.builder().dataType("String").stringValue("Root=1-abc").build()))
                .build());

        SendMessageBatchResponse sent = sendBatch(url, entries);

        assertThat(sent.failed()).isEmpty();
        assertThat(sent.successful()).extracting(SendMessageBatchResultEntry::id)
                .containsExactlyInAnyOrderElementsOf(entries.stream().map(SendMessageBatchRequestEntry::id).toList());
        Map<String, SendMessageBatchResultEntry> byId = sent.successful().stream()
                .collect(Collectors.toMap(SendMessageBatchResultEntry::id, e -> e));
        assertThat(byId.get("entry_3").md5OfMessageBody()).isEqualTo(Md5.ofBody("body-3"));
        assertThat(byId.get("entry_3").md5OfMessageAttributes()).isNull();
        assertThat(byId.get("entry_4").md5OfMessageAttributes()).isEqualTo(Md5.ofAttributes(Map.of(
                "s", Md5.Attr.string("String", "\u00fcber"), "n", Md5.Attr.string("Number.int", "7"),
                "b", Md5.Attr.binary("Binary", new byte[] {9, 8, 7}))));
        assertThat(byId.get("traced").md5OfMessageSystemAttributes())
                .isEqualTo(Md5.ofAttributes(Map.of("AWSTraceHeader", Md5.Attr.string("String", "Root=1-abc"))));
        assertThat(sent.successful()).extracting(SendMessageBatchResultEntry::messageId).doesNotHaveDuplicates();

        List<Message> received = new ArrayList<>();
        List<Message> got;
        while (!(got = Sqs.receive(url, 10)).isEmpty()) {
            received.addAll(got);
        }
        assertThat(received).extracting(Message::messageId)
                .containsExactlyInAnyOrderElementsOf(sent.successful().stream().map(SendMessageBatchResultEntry::messageId).toList());
        assertThat(received).filteredOn(m -> m.body().equals("body-4")).singleElement()
                .satisfies(m -> assertThat(m.messageAttributes()).isEqualTo(attributes));
    }

    @Test
    void invalidEntriesFailOneByOneWhileTheOthersAreSent() {
        String url = Sqs.create(Sqs.name(P));
        SendMessageBatchResponse sent = sendBatch(url, List.of(
                entry("ok1", "fine"),
                entry("badchars", "nul \u0000"),
                SendMessageBatchRequestEntry.builder().id("baddelay").messageBody("x").delaySeconds(901).build(),
                SendMessageBatchRequestEntry.builder().id("badattr").messageBody("x").messageAttributes(Map.of(
                        "AWS.reserved", MessageAttributeValue.builder().dataType("String").stringValue("v").build())).build(),
                entry("empty", ""),
                entry("ok2", "also fine")));

        assertThat(sent.successful()).extracting(SendMessageBatchResultEntry::id).containsExactlyInAnyOrder("ok1", "ok2");
        Map<String, BatchResultErrorEntry> failed = sent.failed().stream()
                .collect(Collectors.toMap(BatchResultErrorEntry::id, e -> e));
        assertThat(failed).containsOnlyKeys("badchars", "baddelay", "badattr", "empty");
        assertFailed(failed.get("badchars"), "badchars", "InvalidMessageContents");
        assertFailed(failed.get("baddelay"), "baddelay", "InvalidParameterValue");
        assertFailed(failed.get("badattr"), "badattr", "InvalidParameterValue");
        assertFailed(failed.get("empty"), "empty", "MissingParameter");
        assertThat(Sqs.counts(url)).containsExactly(2, 0, 0);
    }

    @Test
    void sendMessageBatchRules() {
        String url = Sqs.create(Sqs.name(P));
        checkBatchRules(n -> sendBatch(url, entries(n)),
                ids -> sendBatch(url, ids.stream().map(id -> entry(id, "x")).toList()));
        String big = "x".repeat(600_000);
        assertSqsError(BatchRequestTooLongException.class, "AWS.SimpleQueueService.BatchRequestTooLong", 400,
                () -> sendBatch(url, List.of(entry("a", big), entry("b", big))));
        assertThat(Sqs.counts(url)).containsExactly(0, 0, 0);
        assertQueueDoesNotExist(() -> sendBatch(Sqs.missingQueueUrl(), entries(1)));
    }

    @Test
    void aBatchOfUpToOneMebibyteInTotalIsAccepted() {
        String url = Sqs.create(Sqs.name(P));
        String half = "y".repeat(524_288);
        assertThat(sendBatch(url, List.of(entry("a", half), entry("b", half))).successful()).hasSize(2);
    }

    /**
     * The rules every batch operation shares: 1 to 10 entries, distinct ids of at most 80 alphanumerics,
     * hyphens and underscores.
     */
    private static void checkBatchRules(IntFunction<?> batchOfSize, Consumer<List<String>> batchWithIds) {
        assertSqsError(EmptyBatchRequestException.class, "AWS.SimpleQueueService.EmptyBatchRequest", 400,
                () -> batchOfSize.apply(0));
        assertSqsError(TooManyEntriesInBatchRequestException.class,
                "AWS.SimpleQueueService.TooManyEntriesInBatchRequest", 400, () -> batchOfSize.apply(11));
        assertSqsError(BatchEntryIdsNotDistinctException.class, "AWS.SimpleQueueService.BatchEntryIdsNotDistinct",
                400, () -> batchWithIds.accept(List.of("same", "other", "same")));
        for (String bad : new String[] {"has space", "dot.ted", "x".repeat(81), "\u00e9"}) {
            assertSqsError(InvalidBatchEntryIdException.class, "AWS.SimpleQueueService.InvalidBatchEntryId", 400,
                    () -> batchWithIds.accept(List.of("fine", bad)));
        }
    }

    /** Entries left out altogether (the SDK then sends no Entries member) is an empty batch too. */
    @Test
    void aBatchWithoutEntriesIsEmptyBatchRequest() {
        String url = Sqs.create(Sqs.name(P));
        assertSqsError(EmptyBatchRequestException.class, "AWS.SimpleQueueService.EmptyBatchRequest", 400,
                () -> CLIENT.sendMessageBatch(b -> b.queueUrl(url)));
        assertSqsError(EmptyBatchRequestException.class, "AWS.SimpleQueueService.EmptyBatchRequest", 400,
                () -> CLIENT.deleteMessageBatch(b -> b.queueUrl(url)));
        assertSqsError(EmptyBatchRequestException.class, "AWS.SimpleQueueService.EmptyBatchRequest", 400,
                () -> CLIENT.changeMessageVisibilityBatch(b -> b.queueUrl(url)));
    }

    // ---------------------------------------------------------------- DeleteMessageBatch

    @Test
    void deleteMessageBatchDeletesEachEntryAndReportsBadHandles() {
        String url = Sqs.create(Sqs.name(P));
        sendBatch(url, entries(3));
        List<Message> got = Sqs.receive(url, 10);
        assertThat(got).hasSize(3);
        List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < got.size(); i++) {
            entries.add(DeleteMessageBatchRequestEntry.builder().id("d" + i).receiptHandle(got.get(i).receiptHandle()).build());
        }
        entries.add(DeleteMessageBatchRequestEntry.builder().id("bogus").receiptHandle("not-a-receipt-handle").build());

        DeleteMessageBatchResponse deleted = CLIENT.deleteMessageBatch(b -> b.queueUrl(url).entries(entries));

        assertThat(deleted.successful()).extracting(e -> e.id()).containsExactlyInAnyOrder("d0", "d1", "d2");
        assertThat(deleted.failed()).singleElement().satisfies(f -> assertFailed(f, "bogus", "ReceiptHandleIsInvalid"));
        assertThat(Sqs.counts(url)).containsExactly(0, 0, 0);
    }

    @Test
    void deleteMessageBatchRules() {
        String url = Sqs.create(Sqs.name(P));
        checkBatchRules(n -> CLIENT.deleteMessageBatch(b -> b.queueUrl(url).entries(IntStream.range(0, n)
                        .mapToObj(i -> DeleteMessageBatchRequestEntry.builder().id("e" + i).receiptHandle("h").build()).toList())),
                ids -> CLIENT.deleteMessageBatch(b -> b.queueUrl(url).entries(ids.stream()
                        .map(id -> DeleteMessageBatchRequestEntry.builder().id(id).receiptHandle("h").build()).toList())));
        assertQueueDoesNotExist(() -> CLIENT.deleteMessageBatch(b -> b.queueUrl(Sqs.missingQueueUrl())
                .entries(DeleteMessageBatchRequestEntry.builder().id("a").receiptHandle("h").build())));
    }

    // ---------------------------------------------------------------- ChangeMessageVisibilityBatch

    @Test
    void changeMessageVisibilityBatchChangesEachEntryAndReportsBadHandles() {
        String url = Sqs.create(Sqs.name(P));
        sendBatch(url, List.of(entry("a", "back now"), entry("b", "later")));
        Map<String, Message> got = Sqs.receive(url, 10).stream().collect(Collectors.toMap(Message::body, m -> m));
        assertThat(got).hasSize(2);

        ChangeMessageVisibilityBatchResponse changed = CLIENT.changeMessageVisibilityBatch(b -> b.queueUrl(url).entries(
                ChangeMessageVisibilityBatchRequestEntry.builder().id("now").receiptHandle(got.get("back now").receiptHandle())
                        .visibilityTimeout(0).build(),
                ChangeMessageVisibilityBatchRequestEntry.builder().id("later").receiptHandle(got.get("later").receiptHandle())
                        .visibilityTimeout(3600).build(),
                ChangeMessageVisibilityBatchRequestEntry.builder().id("bogus").receiptHandle("not-a-receipt-handle")
                        .visibilityTimeout(10).build(),
                ChangeMessageVisibilityBatchRequestEntry.builder().id("toolong").receiptHandle(got.get("later").receiptHandle())
                        .visibilityTimeout(43201).build()));

        assertThat(changed.successful()).extracting(e -> e.id()).containsExactlyInAnyOrder("now", "later");
        Map<String, BatchResultErrorEntry> failed = changed.failed().stream()
                .collect(Collectors.toMap(BatchResultErrorEntry::id, e -> e));
        assertThat(failed).containsOnlyKeys("bogus", "toolong");
        assertFailed(failed.get("bogus"), "bogus", "ReceiptHandleIsInvalid");
        assertFailed(failed.get("toolong"), "toolong", "InvalidParameterValue");
        assertThat(Sqs.receive(url, 10)).extracting(Message::body).containsExactly("back now");
    }

    @Test
    void changeMessageVisibilityBatchRules() {
        String url = Sqs.create(Sqs.name(P));
        checkBatchRules(n -> CLIENT.changeMessageVisibilityBatch(b -> b.queueUrl(url).entries(IntStream.range(0, n)
                        .mapToObj(i -> ChangeMessageVisibilityBatchRequestEntry.builder().id("e" + i).receiptHandle("h")
                                .visibilityTimeout(1).build()).toList())),
                ids -> CLIENT.changeMessageVisibilityBatch(b -> b.queueUrl(url).entries(ids.stream()
                        .map(id -> ChangeMessageVisibilityBatchRequestEntry.builder().id(id).receiptHandle("h")
                                .visibilityTimeout(1).build()).toList())));
        assertQueueDoesNotExist(() -> CLIENT.changeMessageVisibilityBatch(b -> b.queueUrl(Sqs.missingQueueUrl())
                .entries(ChangeMessageVisibilityBatchRequestEntry.builder().id("a").receiptHandle("h").visibilityTimeout(1).build())));
    }
}
