package io.mailroom.sqs;

import static io.mailroom.sqs.SqsHarness.assertError;
import static io.mailroom.sqs.SqsHarness.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class VisibilityTest {
    private final SqsHarness h = new SqsHarness();
    private final String url = h.createQueue("vis");

    private ObjectNode changeVisibility(String handle, int seconds) {
        return obj().put("QueueUrl", url).put("ReceiptHandle", handle).put("VisibilityTimeout", seconds);
    }

    @Test
    void receivedMessageIsHiddenForTheVisibilityTimeoutThenReturnsWithAHigherCount() {
        h.send(url, "m1");
        JsonNode first = h.receive(url).get(0);
        assertThat(first.at("/Attributes/ApproximateReceiveCount").asText()).isEqualTo("1");
        long sent = first.at("/Attributes/SentTimestamp").asLong();
        assertThat(sent).isEqualTo(h.clock.millis());
        assertThat(first.at("/Attributes/ApproximateFirstReceiveTimestamp").asLong()).isEqualTo(sent);
        assertThat(first.at("/Attributes/SenderId").asText()).isEqualTo(SqsHarness.ACCOUNT);
        assertThat(h.attribute(url, "ApproximateNumberOfMessagesNotVisible")).isEqualTo("1");
        assertThat(h.receive(url)).isEmpty();
        h.advance(Duration.ofMillis(29_999));
        assertThat(h.receive(url)).isEmpty();
        h.advance(Duration.ofMillis(1));
        assertThat(h.attribute(url, "ApproximateNumberOfMessages")).isEqualTo("1");
        JsonNode second = h.receive(url).get(0);
        assertThat(second.get("MessageId").asText()).isEqualTo(first.get("MessageId").asText());
        assertThat(second.at("/Attributes/ApproximateReceiveCount").asText()).isEqualTo("2");
        assertThat(second.at("/Attributes/ApproximateFirstReceiveTimestamp").asLong()).isEqualTo(sent);
        assertThat(second.get("ReceiptHandle").asText()).isNotEqualTo(first.get("ReceiptHandle").asText());
    }

    @Test
    void receiveVisibilityTimeoutOverridesTheQueueDefault() {
        h.send(url, "m");
        h.call("ReceiveMessage", obj().put("QueueUrl", url).put("VisibilityTimeout", 5));
        h.advanceSeconds(5);
        assertThat(h.receive(url)).hasSize(1);
        assertError(h.error("ReceiveMessage", obj().put("QueueUrl", url).put("VisibilityTimeout", 43201)),
                SqsErrors.INVALID_PARAMETER_VALUE, "VisibilityTimeout");
    }

    @Test
    void maxNumberOfMessagesBoundsAndDefault() {
        for (int i = 0; i < 15; i++) {
            h.send(url, "m" + i);
        }
        assertThat(h.call("ReceiveMessage", obj().put("QueueUrl", url)).get("Messages")).hasSize(1);
        assertThat(h.receive(url, 10)).hasSize(10);
        assertError(h.error("ReceiveMessage", obj().put("QueueUrl", url).put("MaxNumberOfMessages", 11)),
                SqsErrors.INVALID_PARAMETER_VALUE,
                "Value 11 for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.");
        assertError(h.error("ReceiveMessage", obj().put("QueueUrl", url).put("MaxNumberOfMessages", 0)),
                SqsErrors.INVALID_PARAMETER_VALUE, "MaxNumberOfMessages");
        assertError(h.error("ReceiveMessage", obj().put("QueueUrl", url).put("WaitTimeSeconds", 21)),
                SqsErrors.INVALID_PARAMETER_VALUE, "Value 21 for parameter WaitTimeSeconds is invalid");
    }

    @Test
    void emptyReceiveHasNoMessagesMember() {
        assertThat(h.call("ReceiveMessage", obj().put("QueueUrl", url)).has("Messages")).isFalse();
    }

    @Test
    void deleteRemovesTheMessage() {
        h.send(url, "m");
        JsonNode m = h.receive(url).get(0);
        h.delete(url, m.get("ReceiptHandle").asText());
        assertThat(h.attribute(url, "ApproximateNumberOfMessagesNotVisible")).isEqualTo("0");
        h.advanceSeconds(60);
        assertThat(h.receive(url)).isEmpty();
        // Deleting again succeeds.
        h.delete(url, m.get("ReceiptHandle").asText());
    }

    @Test
    void malformedOrForeignReceiptHandlesAreInvalid() {
        String other = h.createQueue("other");
        h.send(other, "m");
        String foreign = h.receive(other).get(0).get("ReceiptHandle").asText();
        for (String bad : new String[] {"garbage", "AQEB!!", foreign}) {
            assertError(h.error("DeleteMessage", obj().put("QueueUrl", url).put("ReceiptHandle", bad)),
                    SqsErrors.RECEIPT_HANDLE_IS_INVALID, "is not a valid receipt handle.");
            assertError(h.error("ChangeMessageVisibility", changeVisibility(bad, 10)),
                    SqsErrors.RECEIPT_HANDLE_IS_INVALID, "is not a valid receipt handle.");
        }
    }

    @Test
    void staleHandleDeleteSucceedsWithoutDeletingOnStandardQueues() {
        h.send(url, "m");
        String old = h.receive(url).get(0).get("ReceiptHandle").asText();
        h.advanceSeconds(30);
        String current = h.receive(url).get(0).get("ReceiptHandle").asText();
        h.delete(url, old);
        assertThat(h.attribute(url, "ApproximateNumberOfMessagesNotVisible")).isEqualTo("1");
        h.delete(url, current);
        assertThat(h.attribute(url, "ApproximateNumberOfMessagesNotVisible")).isEqualTo("0");
    }

    @Test
    void deleteWithTheLatestHandleAfterTheTimeoutLapsedStillDeletesOnStandardQueues() {
        h.send(url, "m");
        String handle = h.receive(url).get(0).get("ReceiptHandle").asText();
        h.advanceSeconds(31);
        assertThat(h.attribute(url, "ApproximateNumberOfMessages")).isEqualTo("1");
        h.delete(url, handle);
        assertThat(h.attribute(url, "ApproximateNumberOfMessages")).isEqualTo("0");
        assertThat(h.receive(url)).isEmpty();
    }

    @Test
    void changeVisibilityExtendsShortensAndTerminates() {
        h.send(url, "m");
        String handle = h.receive(url).get(0).get("ReceiptHandle").asText();
        h.call("ChangeMessageVisibility", changeVisibility(handle, 100));
        h.advanceSeconds(99);
        assertThat(h.receive(url)).isEmpty();
        h.call("ChangeMessageVisibility", changeVisibility(handle, 0));
        assertThat(h.attribute(url, "ApproximateNumberOfMessages")).isEqualTo("1");
        String next = h.receive(url).get(0).get("ReceiptHandle").asText();
        h.call("ChangeMessageVisibility", changeVisibility(next, 1));
        h.advanceSeconds(1);
        assertThat(h.receive(url)).hasSize(1);
    }

    @Test
    void changeVisibilityErrors() {
        h.send(url, "m");
        String handle = h.receive(url).get(0).get("ReceiptHandle").asText();
        assertError(h.error("ChangeMessageVisibility", changeVisibility(handle, 43_201)),
                SqsErrors.INVALID_PARAMETER_VALUE, "VisibilityTimeout");
        h.advanceSeconds(30);
        // Expired and not received since: AWS answers OK and the message stays visible.
        h.call("ChangeMessageVisibility", changeVisibility(handle, 10));
        String again = h.receive(url).get(0).get("ReceiptHandle").asText();
        assertError(h.error("ChangeMessageVisibility", changeVisibility(handle, 10)),
                SqsErrors.INVALID_PARAMETER_VALUE, "Message does not exist or is not available for visibility timeout change.");
        h.delete(url, again);
        assertError(h.error("ChangeMessageVisibility", changeVisibility(again, 10)),
                SqsErrors.INVALID_PARAMETER_VALUE, "Message does not exist");
    }

    @Test
    void visibilityCannotExtendBeyondTwelveHoursFromTheReceive() {
        h.send(url, "m");
        String handle = h.receive(url).get(0).get("ReceiptHandle").asText();
        h.call("ChangeMessageVisibility", changeVisibility(handle, 43_200));
        h.advanceSeconds(3600);
        assertError(h.error("ChangeMessageVisibility", changeVisibility(handle, 39_601)),
                SqsErrors.INVALID_PARAMETER_VALUE,
                "Value 39601 for parameter VisibilityTimeout is invalid. Reason: Total VisibilityTimeout for the message"
                        + " is beyond the limit [43200 seconds].");
        h.call("ChangeMessageVisibility", changeVisibility(handle, 39_600));
    }

    @Test
    void delayedMessagesBecomeVisibleWhenTheirDelayEnds() {
        String delayQueue = h.createQueue("delay", "{'DelaySeconds':'10'}");
        h.send(delayQueue, "queue-delay");
        h.call("SendMessage", obj().put("QueueUrl", delayQueue).put("MessageBody", "own").put("DelaySeconds", 0));
        h.call("SendMessage", obj().put("QueueUrl", url).put("MessageBody", "m").put("DelaySeconds", 5));
        assertThat(h.attribute(delayQueue, "ApproximateNumberOfMessagesDelayed")).isEqualTo("1");
        assertThat(h.receive(delayQueue)).extracting(m -> m.get("Body").asText()).containsExactly("own");
        assertThat(h.receive(url)).isEmpty();
        h.advanceSeconds(5);
        assertThat(h.receive(url)).hasSize(1);
        h.advanceSeconds(5);
        assertThat(h.attribute(delayQueue, "ApproximateNumberOfMessagesDelayed")).isEqualTo("0");
        assertThat(h.receive(delayQueue)).extracting(m -> m.get("Body").asText()).containsExactly("queue-delay");
    }

    @Test
    void standardQueueDelayChangesAreNotRetroactive() {
        String q = h.createQueue("d", "{'DelaySeconds':'60'}");
        h.send(q, "m");
        h.call("SetQueueAttributes", "{'QueueUrl':'" + q + "','Attributes':{'DelaySeconds':'0'}}");
        assertThat(h.receive(q)).isEmpty();
        h.advanceSeconds(60);
        assertThat(h.receive(q)).hasSize(1);
    }

    @Test
    void messagesExpireAfterTheRetentionPeriodWhateverTheirState() {
        String q = h.createQueue("ret", "{'MessageRetentionPeriod':'60','VisibilityTimeout':'120'}");
        h.send(q, "inflight");
        h.receive(q);
        h.advanceSeconds(30);
        h.send(q, "visible");
        h.advanceSeconds(30);
        assertThat(h.attribute(q, "ApproximateNumberOfMessagesNotVisible")).isEqualTo("0");
        assertThat(h.attribute(q, "ApproximateNumberOfMessages")).isEqualTo("1");
        h.advanceSeconds(29);
        assertThat(h.receive(q)).extracting(m -> m.get("Body").asText()).containsExactly("visible");
        h.advanceSeconds(1);
        assertThat(h.attribute(q, "ApproximateNumberOfMessagesNotVisible")).isEqualTo("0");
    }

    @Test
    void shorteningRetentionExpiresOlderMessages() {
        h.send(url, "old");
        h.advanceSeconds(120);
        h.send(url, "new");
        h.call("SetQueueAttributes", "{'QueueUrl':'" + url + "','Attributes':{'MessageRetentionPeriod':'60'}}");
        assertThat(h.receive(url)).extracting(m -> m.get("Body").asText()).containsExactly("new");
    }

    @Test
    void batchDeleteAndChangeVisibilityReportPerEntry() {
        h.send(url, "a");
        h.send(url, "b");
        JsonNode got = h.receive(url);
        ObjectNode del = obj().put("QueueUrl", url);
        del.withArray("Entries").addObject().put("Id", "1").put("ReceiptHandle", got.get(0).get("ReceiptHandle").asText());
        del.withArray("Entries").addObject().put("Id", "2").put("ReceiptHandle", "nope");
        ObjectNode out = h.call("DeleteMessageBatch", del);
        assertThat(out.get("Successful")).extracting(e -> e.get("Id").asText()).containsExactly("1");
        assertThat(out.get("Failed").get(0).get("Code").asText()).isEqualTo("ReceiptHandleIsInvalid");
        assertThat(out.get("Failed").get(0).get("SenderFault").asBoolean()).isTrue();

        ObjectNode cmv = obj().put("QueueUrl", url);
        cmv.withArray("Entries").addObject().put("Id", "x").put("ReceiptHandle", got.get(1).get("ReceiptHandle").asText())
                .put("VisibilityTimeout", 0);
        cmv.withArray("Entries").addObject().put("Id", "y").put("ReceiptHandle", got.get(0).get("ReceiptHandle").asText())
                .put("VisibilityTimeout", 0);
        ObjectNode res = h.call("ChangeMessageVisibilityBatch", cmv);
        assertThat(res.get("Successful")).extracting(e -> e.get("Id").asText()).containsExactly("x");
        assertThat(res.get("Failed").get(0).get("Code").asText()).isEqualTo("InvalidParameterValue");
        assertThat(h.receive(url)).extracting(m -> m.get("Body").asText()).containsExactly("b");
        assertError(h.error("DeleteMessageBatch", obj().put("QueueUrl", url).set("Entries", SqsHarness.JSON.createArrayNode())),
                SqsErrors.EMPTY_BATCH_REQUEST, "DeleteMessageBatchRequestEntry");
    }

    @Test
    void heavyChurnBehindOneStuckMessageKeepsCountsRight() {
        h.send(url, "stuck");
        h.call("ReceiveMessage", obj().put("QueueUrl", url).put("VisibilityTimeout", 43_200));
        for (int i = 0; i < 5_000; i++) {
            h.send(url, "m" + i);
            JsonNode m = h.receive(url, 1).get(0);
            assertThat(m.get("Body").asText()).isEqualTo("m" + i);
            h.delete(url, m.get("ReceiptHandle").asText());
        }
        assertThat(h.attribute(url, "ApproximateNumberOfMessages")).isEqualTo("0");
        assertThat(h.attribute(url, "ApproximateNumberOfMessagesNotVisible")).isEqualTo("1");
        h.advanceSeconds(43_200);
        assertThat(h.receive(url)).extracting(m -> m.get("Body").asText()).containsExactly("stuck");
    }
}
