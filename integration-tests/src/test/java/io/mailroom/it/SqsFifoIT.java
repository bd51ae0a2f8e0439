package io.mailroom.it;

import static io.mailroom.it.FrozenClock.advance;
import static io.mailroom.it.Sqs.CLIENT;
import static io.mailroom.it.Sqs.assertGenericError;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;

/** FIFO queues: order per message group, groups blocked while in flight, de-duplication, sequence numbers. */
@ExtendWith(FrozenClock.class)
class SqsFifoIT {
    private static final String P = "SqsFifoIT";

    private static String fifo() {
        return Sqs.createFifo(Sqs.fifoName(P), Map.of());
    }

    private static String contentBasedFifo() {
        return Sqs.createFifo(Sqs.fifoName(P), Map.of(QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "true"));
    }

    private static SendMessageResponse send(String url, String group, String dedup, String body) {
        return CLIENT.sendMessage(b -> b.queueUrl(url).messageGroupId(group).messageDeduplicationId(dedup).messageBody(body));
    }

    private static List<Message> receive(String url, int max) {
        return Sqs.receive(url, max);
    }

    private static String group(Message m) {
        return m.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID);
    }

    @Test
    void messagesOfAGroupAreReceivedInSendOrder() {
        String url = fifo();
        for (int i = 0; i < 5; i++) {
            send(url, "A", "a" + i, "A" + i);
            if (i < 3) {
                send(url, "B", "b" + i, "B" + i);
            }
        }
        Map<String, List<String>> byGroup = new LinkedHashMap<>();
        List<Message> got;
        while (!(got = receive(url, 3)).isEmpty()) {
            for (Message m : got) {
                byGroup.computeIfAbsent(group(m), g -> new ArrayList<>()).add(m.body());
                Sqs.delete(url, m);
            }
        }
        assertThat(byGroup).containsOnlyKeys("A", "B");
        assertThat(byGroup.get("A")).containsExactly("A0", "A1", "A2", "A3", "A4");
        assertThat(byGroup.get("B")).containsExactly("B0", "B1", "B2");
    }

    @Test
    void aGroupIsBlockedWhileOneOfItsMessagesIsInFlight() {
        String url = fifo();
        send(url, "A", "a1", "A1");
        send(url, "A", "a2", "A2");
        send(url, "B", "b1", "B1");

        Message a1 = receive(url, 1).get(0);
        assertThat(a1.body()).isEqualTo("A1");
        assertThat(receive(url, 10)).as("group A waits for A1").extracting(Message::body).containsExactly("B1");
        Sqs.assertEmpty(url);

        Sqs.delete(url, a1);
        assertThat(receive(url, 10)).extracting(Message::body).containsExactly("A2");
    }

    @Test
    void aMessageWhoseVisibilityTimeoutEndsIsFirstOfItsGroupAgain() {
        String url = fifo();
        send(url, "G", "1", "first");
        send(url, "G", "2", "second");
        List<Message> got = receive(url, 10);
        assertThat(got).extracting(Message::body).containsExactly("first", "second");
        Sqs.delete(url, got.get(1));

        advance(Duration.ofSeconds(30));
        Message again = receive(url, 10).get(0);
        assertThat(again.body()).isEqualTo("first");
        assertThat(again.attributes()).containsEntry(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "2");
    }

    @Test
    void receiveReturnsTheFifoSystemAttributes() {
        String url = fifo();
        SendMessageResponse sent = send(url, "group-1", "dedup-1", "attributes");
        Message m = receive(url, 1).get(0);
        assertThat(m.attributesAsStrings())
                .containsEntry("MessageGroupId", "group-1")
                .containsEntry("MessageDeduplicationId", "dedup-1")
                .containsEntry("SequenceNumber", sent.sequenceNumber())
                .containsEntry("ApproximateReceiveCount", "1")
                .containsKeys("SenderId", "SentTimestamp", "ApproximateFirstReceiveTimestamp");
    }

    @Test
    void sequenceNumbersAreLargeAndIncreasing() {
        String url = fifo();
        BigInteger previous = BigInteger.ZERO;
        for (int i = 0; i < 5; i++) {
            String sequence = send(url, i % 2 == 0 ? "x" : "y", "d" + i, "m" + i).sequenceNumber();
            assertThat(sequence).matches("[1-9]\\d*");
            BigInteger n = new BigInteger(sequence);
            assertThat(n).isGreaterThan(previous);
            previous = n;
        }
        List<SendMessageBatchResultEntry> batch = CLIENT.sendMessageBatch(b -> b.queueUrl(url).entries(
                SendMessageBatchRequestEntry.builder().id("a").messageBody("ba").messageGroupId("x").messageDeduplicationId("ba").build(),
                SendMessageBatchRequestEntry.builder().id("b").messageBody("bb").messageGroupId("x").messageDeduplicationId("bb").build()))
                .successful();
        assertThat(batch).extracting(SendMessageBatchResultEntry::sequenceNumber).allMatch(s -> new BigInteger(s).compareTo(BigInteger.ZERO) > 0);
        assertThat(new BigInteger(batch.get(0).sequenceNumber())).isGreaterThan(previous);
    }

    @Test
    void aDeduplicationIdIsAcceptedOncePerFiveMinutes() {
        String url = fifo();
        SendMessageResponse first = send(url, "G", "same-id", "original");
        advance(Duration.ofMinutes(4));
        SendMessageResponse repeat = send(url, "G", "same-id", "different body, same id");
        assertThat(repeat.messageId()).isEqualTo(first.messageId());
        assertThat(repeat.sequenceNumber()).isEqualTo(first.sequenceNumber());
        assertThat(Sqs.counts(url)).containsExactly(1, 0, 0);

        Message m = receive(url, 10).get(0);
        Sqs.delete(url, m);
        send(url, "G", "same-id", "still a duplicate after the delete");
        assertThat(Sqs.counts(url)).containsExactly(0, 0, 0);

        advance(Duration.ofMinutes(1));
        SendMessageResponse later = send(url, "G", "same-id", "accepted again");
        assertThat(later.messageId()).isNotEqualTo(first.messageId());
        assertThat(receive(url, 10)).extracting(Message::body).containsExactly("accepted again");
    }

    @Test
    void contentBasedDeduplicationUsesTheBody() {
        String url = contentBasedFifo();
        String first = CLIENT.sendMessage(b -> b.queueUrl(url).messageGroupId("G").messageBody("same body")).messageId();
        String repeat = CLIENT.sendMessage(b -> b.queueUrl(url).messageGroupId("G").messageBody("same body")).messageId();
        CLIENT.sendMessage(b -> b.queueUrl(url).messageGroupId("G").messageBody("other body"));
        CLIENT.sendMessage(b -> b.queueUrl(url).messageGroupId("G").messageBody("same body").messageDeduplicationId("explicit"));
        assertThat(repeat).isEqualTo(first);
        assertThat(Sqs.counts(url)).containsExactly(3, 0, 0);

        advance(Duration.ofMinutes(5));
        CLIENT.sendMessage(b -> b.queueUrl(url).messageGroupId("G").messageBody("same body"));
        assertThat(Sqs.counts(url)).containsExactly(4, 0, 0);
        Message m = receive(url, 1).get(0);
        assertThat(m.attributes().get(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID))
                .as("the SHA-256 of the body").isEqualTo(sha256("same body"));
    }

    private static String sha256(String s) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void deduplicationScopeMessageGroupDeduplicatesPerGroup() {
        String url = Sqs.createFifo(Sqs.fifoName(P), Map.of(QueueAttributeName.DEDUPLICATION_SCOPE, "messageGroup",
                QueueAttributeName.FIFO_THROUGHPUT_LIMIT, "perMessageGroupId"));
        send(url, "A", "dup", "in A");
        send(url, "B", "dup", "in B");
        send(url, "A", "dup", "again in A");
        assertThat(Sqs.counts(url)).containsExactly(2, 0, 0);

        String queueScope = fifo();
        send(queueScope, "A", "dup", "in A");
        send(queueScope, "B", "dup", "in B");
        assertThat(Sqs.counts(queueScope)).containsExactly(1, 0, 0);
    }

    @Test
    void aRetriedReceiveRequestAttemptIdReturnsTheSameMessagesAndHandles() {
        String url = fifo();
        send(url, "A", "1", "one");
        send(url, "A", "2", "two");
        ReceiveMessageRequest attempt = ReceiveMessageRequest.builder().queueUrl(url).maxNumberOfMessages(10)
                .receiveRequestAttemptId("attempt-1").build();

        List<Message> first = CLIENT.receiveMessage(attempt).messages();
        List<Message> retried = CLIENT.receiveMessage(attempt).messages();
        assertThat(first).extracting(Message::body).containsExactly("one", "two");
        assertThat(retried).extracting(Message::receiptHandle)
                .containsExactlyElementsOf(first.stream().map(Message::receiptHandle).toList());
        assertThat(CLIENT.receiveMessage(attempt.toBuilder().receiveRequestAttemptId("attempt-2").build()).messages())
                .as("a new attempt finds the group in flight").isEmpty();

        first.forEach(m -> Sqs.delete(url, m));
        assertThat(Sqs.counts(url)).containsExactly(0, 0, 0);
    }

    @Test
    void fifoSendRules() {
        String url = fifo();
        assertGenericError("MissingParameter", () -> CLIENT.sendMessage(b -> b.queueUrl(url).messageBody("no group")
                .messageDeduplicationId("d")));
        assertGenericError("InvalidParameterValue", () -> CLIENT.sendMessage(b -> b.queueUrl(url).messageBody("no dedup")
                .messageGroupId("g")));
        assertGenericError("InvalidParameterValue", () -> CLIENT.sendMessage(b -> b.queueUrl(url).messageBody("delayed")
                .messageGroupId("g").messageDeduplicationId("d").delaySeconds(5)));
        for (String bad : new String[] {"has space", "x".repeat(129), "\u00e9t\u00e9"}) {
            assertGenericError("InvalidParameterValue", () -> send(url, bad, "d", "bad group"));
            assertGenericError("InvalidParameterValue", () -> send(url, "g", bad, "bad dedup"));
        }
        assertGenericError("InvalidParameterValue", () -> CLIENT.receiveMessage(b -> b.queueUrl(url)
                .receiveRequestAttemptId("bad attempt")));
        send(url, "x".repeat(128), "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~" , "punctuation is fine");
        assertThat(Sqs.counts(url)).containsExactly(1, 0, 0);
    }

    @Test
    void aBatchEntryWithoutAGroupOrDeduplicationIdFailsTheWholeBatch() {
        String url = fifo();
        SendMessageBatchRequestEntry complete = SendMessageBatchRequestEntry.builder().id("ok").messageBody("ok")
                .messageGroupId("g").messageDeduplicationId("ok").build();
        assertThat(assertGenericError("InvalidParameterValue", () -> CLIENT.sendMessageBatch(b -> b.queueUrl(url).entries(
                complete, SendMessageBatchRequestEntry.builder().id("nogroup").messageBody("x").messageDeduplicationId("x")
                        .build())))).hasMessageContaining("The request must contain the parameter MessageGroupId.");
        assertThat(assertGenericError("InvalidParameterValue", () -> CLIENT.sendMessageBatch(b -> b.queueUrl(url).entries(
                complete, SendMessageBatchRequestEntry.builder().id("nodedup").messageBody("x").messageGroupId("g")
                        .build())))).hasMessageContaining("MessageDeduplicationId provided explicitly");
        assertThat(Sqs.counts(url)).containsExactly(0, 0, 0);
    }

    @Test
    void theQueueDelayOfAFifoQueueApplies() {
        String url = Sqs.createFifo(Sqs.fifoName(P), Map.of(QueueAttributeName.DELAY_SECONDS, "30"));
        send(url, "G", "d", "delayed");
        assertThat(Sqs.counts(url)).containsExactly(0, 0, 1);
        advance(Duration.ofSeconds(30));
        assertThat(receive(url, 1)).extracting(Message::body).containsExactly("delayed");
    }

    /** "For FIFO queues, the per-queue delay setting is retroactive" (SQS Developer Guide, delay queues). */
    @Test
    void changingTheQueueDelayOfAFifoQueueAppliesToMessagesAlreadyDelayed() {
        String url = Sqs.createFifo(Sqs.fifoName(P), Map.of(QueueAttributeName.DELAY_SECONDS, "600"));
        send(url, "G", "d", "retroactive");
        advance(Duration.ofSeconds(100));
        CLIENT.setQueueAttributes(b -> b.queueUrl(url).attributes(Map.of(QueueAttributeName.DELAY_SECONDS, "120")));
        Sqs.assertEmpty(url);
        advance(Duration.ofSeconds(20));
        assertThat(receive(url, 1)).extracting(Message::body).containsExactly("retroactive");
    }

    @Test
    void deletingWithAnExpiredReceiptHandleOfAFifoQueueIsInvalidParameterValue() {
        String url = fifo();
        send(url, "G", "d", "expires");
        Message m = receive(url, 1).get(0);
        advance(Duration.ofSeconds(30));
        receive(url, 1);
        assertGenericError("InvalidParameterValue", () -> Sqs.delete(url, m));
    }
}
