package io.mailroom.sqs;

import static io.mailroom.sqs.SqsHarness.assertError;
import static io.mailroom.sqs.SqsHarness.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FifoTest {
    private final SqsHarness h = new SqsHarness();
    private final String url = h.createFifo("orders.fifo");

    private static List<String> bodies(JsonNode messages) {
        List<String> out = new ArrayList<>();
        messages.forEach(m -> out.add(m.get("Body").asText()));
        return out;
    }

    @Test
    void messagesOfAGroupComeInOrderAndTheGroupIsBlockedWhileOneIsInFlight() {
        h.sendFifo(url, "a1", "A", "1");
        h.sendFifo(url, "b1", "B", "2");
        h.sendFifo(url, "a2", "A", "3");
        h.sendFifo(url, "a3", "A", "4");
        JsonNode first = h.receive(url, 1);
        assertThat(bodies(first)).containsExactly("a1");
        // A is blocked: only B's message can be received.
        assertThat(bodies(h.receive(url, 10))).containsExactly("b1");
        assertThat(h.receive(url, 10)).isEmpty();
        h.delete(url, first.get(0).get("ReceiptHandle").asText());
        JsonNode rest = h.receive(url, 10);
        assertThat(bodies(rest)).containsExactly("a2", "a3");
    }

    @Test
    void aReturningMessageIsDeliveredBeforeTheRestOfItsGroup() {
        h.sendFifo(url, "1", "G", "d1");
        h.sendFifo(url, "2", "G", "d2");
        h.call("ReceiveMessage", obj().put("QueueUrl", url).put("VisibilityTimeout", 10));
        h.advanceSeconds(10);
        JsonNode again = h.receive(url, 10);
        assertThat(bodies(again)).containsExactly("1", "2");
        assertThat(again.get(0).at("/Attributes/ApproximateReceiveCount").asText()).isEqualTo("2");
    }

    @Test
    void systemAttributesAndIncreasingSequenceNumbers() {
        ObjectNode s1 = h.sendFifo(url, "x", "G", "d1");
        ObjectNode s2 = h.sendFifo(url, "y", "H", "d2");
        String seq1 = s1.get("SequenceNumber").asText();
        String seq2 = s2.get("SequenceNumber").asText();
        assertThat(seq1).hasSize(20).containsOnlyDigits();
        assertThat(new BigInteger(seq2)).isGreaterThan(new BigInteger(seq1));
        JsonNode m = h.receive(url, 1).get(0);
        assertThat(m.at("/Attributes/MessageGroupId").asText()).isEqualTo("G");
        assertThat(m.at("/Attributes/MessageDeduplicationId").asText()).isEqualTo("d1");
        assertThat(m.at("/Attributes/SequenceNumber").asText()).isEqualTo(seq1);
    }

    @Test
    void duplicatesWithinFiveMinutesAreAcknowledgedButNotEnqueued() {
        ObjectNode first = h.sendFifo(url, "once", "G", "dedup");
        ObjectNode dup = h.sendFifo(url, "other body", "G", "dedup");
        assertThat(dup.get("MessageId").asText()).isEqualTo(first.get("MessageId").asText());
        assertThat(dup.get("SequenceNumber").asText()).isEqualTo(first.get("SequenceNumber").asText());
        assertThat(h.attribute(url, "ApproximateNumberOfMessages")).isEqualTo("1");
        // The window outlives the message.
        h.delete(url, h.receive(url).get(0).get("ReceiptHandle").asText());
        h.advanceSeconds(299);
        h.sendFifo(url, "once", "G", "dedup");
        assertThat(h.attribute(url, "ApproximateNumberOfMessages")).isEqualTo("0");
        h.advanceSeconds(1);
        ObjectNode after = h.sendFifo(url, "once", "G", "dedup");
        assertThat(after.get("MessageId").asText()).isNotEqualTo(first.get("MessageId").asText());
        assertThat(h.attribute(url, "ApproximateNumberOfMessages")).isEqualTo("1");
    }

    @Test
    void contentBasedDeduplicationUsesTheBodyDigest() {
        String q = h.createFifo("cbd.fifo", "ContentBasedDeduplication", "true");
        ObjectNode a = h.call("SendMessage", obj().put("QueueUrl", q).put("MessageBody", "same").put("MessageGroupId", "g"));
        ObjectNode b = h.call("SendMessage", obj().put("QueueUrl", q).put("MessageBody", "same").put("MessageGroupId", "g"));
        h.call("SendMessage", obj().put("QueueUrl", q).put("MessageBody", "different").put("MessageGroupId", "g"));
        assertThat(b.get("MessageId").asText()).isEqualTo(a.get("MessageId").asText());
        assertThat(h.attribute(q, "ApproximateNumberOfMessages")).isEqualTo("2");
        JsonNode m = h.receive(q, 1).get(0);
        assertThat(m.at("/Attributes/MessageDeduplicationId").asText())
                .isEqualTo("0967115f2813a3541eaef77de9d9d5773f1c0c04314b0bbfe4ff3b3b1c55b5d5");
    }

    @Test
    void deduplicationScopeMessageGroupKeysByGroup() {
        String perQueue = url;
        h.sendFifo(perQueue, "x", "G1", "d");
        h.sendFifo(perQueue, "x", "G2", "d");
        assertThat(h.attribute(perQueue, "ApproximateNumberOfMessages")).isEqualTo("1");
        String perGroup = h.createFifo("hi.fifo", "DeduplicationScope", "messageGroup",
                "FifoThroughputLimit", "perMessageGroupId");
        h.sendFifo(perGroup, "x", "G1", "d");
        h.sendFifo(perGroup, "x", "G2", "d");
        h.sendFifo(perGroup, "x", "G2", "d");
        assertThat(h.attribute(perGroup, "ApproximateNumberOfMessages")).isEqualTo("2");
    }

    @Test
    void fifoSendRules() {
        assertError(h.error("SendMessage", obj().put("QueueUrl", url).put("MessageBody", "x").put("MessageDeduplicationId", "d")),
                SqsErrors.MISSING_PARAMETER, "The request must contain the parameter MessageGroupId.");
        assertError(h.error("SendMessage", obj().put("QueueUrl", url).put("MessageBody", "x").put("MessageGroupId", "g")),
                SqsErrors.INVALID_PARAMETER_VALUE,
                "The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly");
        assertError(h.error("SendMessage", obj().put("QueueUrl", url).put("MessageBody", "x").put("MessageGroupId", "g")
                .put("MessageDeduplicationId", "d").put("DelaySeconds", 5)), SqsErrors.INVALID_PARAMETER_VALUE,
                "Value 5 for parameter DelaySeconds is invalid.");
        h.call("SendMessage", obj().put("QueueUrl", url).put("MessageBody", "x").put("MessageGroupId", "g")
                .put("MessageDeduplicationId", "d").put("DelaySeconds", 0));
        assertError(h.error("SendMessage", obj().put("QueueUrl", url).put("MessageBody", "x").put("MessageGroupId", "g")
                .put("MessageDeduplicationId", "d".repeat(129))), SqsErrors.INVALID_PARAMETER_VALUE, "1 to 128 in length");
    }

    @Test
    void aBatchEntryWithoutFifoIdsFailsTheWholeBatch() {
        String noGroup = "{'QueueUrl':'" + url + "','Entries':[{'Id':'1','MessageBody':'a','MessageGroupId':'g',"
                + "'MessageDeduplicationId':'d1'},{'Id':'2','MessageBody':'b','MessageDeduplicationId':'d2'}]}";
        assertError(h.error("SendMessageBatch", noGroup), SqsErrors.INVALID_PARAMETER_VALUE,
                "The request must contain the parameter MessageGroupId.");
        String noDeduplication = "{'QueueUrl':'" + url + "','Entries':[{'Id':'1','MessageBody':'a','MessageGroupId':'g',"
                + "'MessageDeduplicationId':'d1'},{'Id':'2','MessageBody':'b','MessageGroupId':'g'}]}";
        assertError(h.error("SendMessageBatch", noDeduplication), SqsErrors.INVALID_PARAMETER_VALUE,
                "The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly");
        assertThat(h.attribute(url, "ApproximateNumberOfMessages")).isEqualTo("0");
    }

    @Test
    void fifoQueueDelayIsRetroactive() {
        String q = h.createFifo("slow.fifo", "DelaySeconds", "60");
        h.sendFifo(q, "m", "g", "d");
        h.advanceSeconds(10);
        assertThat(h.receive(q)).isEmpty();
        h.call("SetQueueAttributes", "{'QueueUrl':'" + q + "','Attributes':{'DelaySeconds':'20'}}");
        assertThat(h.receive(q)).isEmpty();
        h.advanceSeconds(10);
        assertThat(h.receive(q)).hasSize(1);
    }

    @Test
    void receiveRequestAttemptIdReturnsTheSameMessagesWithinFiveMinutes() {
        h.sendFifo(url, "1", "G", "a");
        h.sendFifo(url, "2", "H", "b");
        ObjectNode in = obj().put("QueueUrl", url).put("MaxNumberOfMessages", 1).put("ReceiveRequestAttemptId", "try-1");
        JsonNode first = h.call("ReceiveMessage", in).get("Messages");
        h.advanceSeconds(20);
        JsonNode retry = h.call("ReceiveMessage", in).get("Messages");
        assertThat(retry).isEqualTo(first);
        // The retry restarted the visibility timeout.
        h.advanceSeconds(29);
        assertThat(bodies(h.receive(url, 10))).containsExactly("2");
        h.advanceSeconds(1);
        assertThat(bodies(h.receive(url, 10))).containsExactly("1");
        // Once the messages changed (received again), the attempt id no longer replays.
        JsonNode fresh = h.call("ReceiveMessage", in).path("Messages");
        assertThat(fresh).isEmpty();
    }

    @Test
    void attemptIdExpiresAfterFiveMinutes() {
        h.sendFifo(url, "1", "G", "a");
        ObjectNode in = obj().put("QueueUrl", url).put("ReceiveRequestAttemptId", "t").put("VisibilityTimeout", 600);
        String handle = h.call("ReceiveMessage", in).get("Messages").get(0).get("ReceiptHandle").asText();
        h.advanceSeconds(300);
        assertThat(h.call("ReceiveMessage", in).has("Messages")).isFalse();
        assertThat(handle).isNotEmpty();
    }

    @Test
    void expiredHandlesCannotDeleteOnFifoQueues() {
        h.sendFifo(url, "m", "G", "d");
        String handle = h.receive(url).get(0).get("ReceiptHandle").asText();
        h.advanceSeconds(30);
        assertError(h.error("DeleteMessage", obj().put("QueueUrl", url).put("ReceiptHandle", handle)),
                SqsErrors.INVALID_PARAMETER_VALUE, "Reason: The receipt handle has expired.");
        String fresh = h.receive(url).get(0).get("ReceiptHandle").asText();
        assertError(h.error("DeleteMessage", obj().put("QueueUrl", url).put("ReceiptHandle", handle)),
                SqsErrors.INVALID_PARAMETER_VALUE, "expired");
        h.delete(url, fresh);
        assertThat(h.attribute(url, "ApproximateNumberOfMessagesNotVisible")).isEqualTo("0");
    }

    @Test
    void manyGroupsAreServedAcrossOneReceive() {
        for (int g = 0; g < 5; g++) {
            for (int i = 0; i < 3; i++) {
                h.sendFifo(url, g + "-" + i, "g" + g, g + "/" + i);
            }
        }
        JsonNode got = h.receive(url, 10);
        assertThat(bodies(got)).containsExactly("0-0", "0-1", "0-2", "1-0", "1-1", "1-2", "2-0", "2-1", "2-2", "3-0");
        assertThat(bodies(h.receive(url, 10))).containsExactly("4-0", "4-1", "4-2");
    }
}
