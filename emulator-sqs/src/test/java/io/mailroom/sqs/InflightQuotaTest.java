package io.mailroom.sqs;

import static io.mailroom.sqs.SqsHarness.assertError;
import static io.mailroom.sqs.SqsHarness.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The in-flight quotas: 120,000 messages for a standard queue, 20,000 for a FIFO queue. */
class InflightQuotaTest {
    private final SqsHarness h = new SqsHarness();

    @Test
    void aStandardQueueAtItsInflightQuotaAnswersShortPollsWithOverLimitAndLongPollsWithNothing() {
        String url = h.createQueue("busy", "{'VisibilityTimeout':'600'}");
        fill(url, 120_005, null);
        String lastHandle = null;
        for (int received = 0; received < 120_000; ) {
            JsonNode got = h.receive(url, 10);
            received += got.size();
            lastHandle = got.get(got.size() - 1).get("ReceiptHandle").asText();
        }
        assertThat(h.attribute(url, "ApproximateNumberOfMessagesNotVisible")).isEqualTo("120000");
        assertThat(h.attribute(url, "ApproximateNumberOfMessages")).isEqualTo("5");

        assertError(h.error("ReceiveMessage", obj().put("QueueUrl", url).put("MaxNumberOfMessages", 10)),
                SqsErrors.OVER_LIMIT, "120000 messages in flight");
        CompletableFuture<ObjectNode> longPoll = h.callAsync("ReceiveMessage",
                obj().put("QueueUrl", url).put("WaitTimeSeconds", 1));
        h.advanceSeconds(1);
        assertThat(longPoll.join().path("Messages").size()).isZero();

        h.delete(url, lastHandle);
        assertThat(h.receive(url, 10)).as("one slot free again").hasSize(1);
        h.advanceSeconds(600);
        assertThat(h.receive(url, 10)).as("visibility timeouts over: all visible again").hasSize(10);
    }

    @Test
    void aFifoQueueAtItsInflightQuotaReturnsNothingMoreWithoutAnError() {
        String url = h.createFifo("busy.fifo", "VisibilityTimeout", "600");
        fill(url, 20_010, "g");
        int received = 0;
        for (JsonNode got = h.receive(url, 10); got.size() > 0; got = h.receive(url, 10)) {
            received += got.size();
        }
        assertThat(received).isEqualTo(20_000);
        assertThat(h.attribute(url, "ApproximateNumberOfMessages")).isEqualTo("10");
        assertThat(h.receive(url, 10)).isEmpty();
    }

    /** {@code count} messages, ten per SendMessageBatch; in FIFO, one group per ten so that groups never block. */
    private void fill(String url, int count, String groupPrefix) {
        for (int sent = 0; sent < count; sent += 10) {
            ObjectNode in = obj().put("QueueUrl", url);
            ArrayNode entries = in.putArray("Entries");
            for (int i = 0; i < Math.min(10, count - sent); i++) {
                ObjectNode e = entries.addObject().put("Id", "e" + i).put("MessageBody", "m" + (sent + i));
                if (groupPrefix != null) {
                    e.put("MessageGroupId", groupPrefix + (sent / 10)).put("MessageDeduplicationId", "d" + (sent + i));
                }
            }
            h.call("SendMessageBatch", in);
        }
    }
}
