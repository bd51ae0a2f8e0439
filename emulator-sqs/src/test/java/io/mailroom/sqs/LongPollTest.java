package io.mailroom.sqs;

import static io.mailroom.sqs.SqsHarness.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.sqs.queue.QueueAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Long polling is driven by the scheduler: no thread ever sleeps or waits. */
class LongPollTest {
    private final SqsHarness h = new SqsHarness();
    private final String url = h.createQueue("poll");

    private CompletableFuture<ObjectNode> poll(int waitSeconds) {
        return h.callAsync("ReceiveMessage", obj().put("QueueUrl", url).put("WaitTimeSeconds", waitSeconds)
                .put("MaxNumberOfMessages", 10));
    }

    private int parked() {
        return h.sqs.registry().require(QueueAddress.fromUrl(url, SqsHarness.REGION)).parkedReceives();
    }

    @Test
    void aSendCompletesAParkedReceiveAtOnce() {
        CompletableFuture<ObjectNode> f = poll(20);
        assertThat(f).isNotDone();
        assertThat(parked()).isEqualTo(1);
        h.advanceSeconds(5);
        assertThat(f).isNotDone();
        h.send(url, "hi");
        assertThat(f).isDone();
        assertThat(f.join().get("Messages").get(0).get("Body").asText()).isEqualTo("hi");
        assertThat(parked()).isZero();
        assertThat(h.clock.pendingTasks()).as("the timeout was cancelled").isZero();
    }

    @Test
    void anEndingVisibilityTimeoutCompletesAParkedReceive() {
        h.send(url, "m");
        h.call("ReceiveMessage", obj().put("QueueUrl", url).put("VisibilityTimeout", 7));
        CompletableFuture<ObjectNode> f = poll(20);
        h.advance(Duration.ofMillis(6_999));
        assertThat(f).isNotDone();
        h.advance(Duration.ofMillis(1));
        assertThat(f).isDone();
        assertThat(f.join().get("Messages").get(0).get("Body").asText()).isEqualTo("m");
    }

    @Test
    void anEndingDelayCompletesAParkedReceive() {
        h.call("SendMessage", obj().put("QueueUrl", url).put("MessageBody", "later").put("DelaySeconds", 3));
        CompletableFuture<ObjectNode> f = poll(10);
        h.advanceSeconds(2);
        assertThat(f).isNotDone();
        h.advanceSeconds(1);
        assertThat(f.join().get("Messages")).hasSize(1);
    }

    @Test
    void aParkedReceiveEndsEmptyAtItsWaitTime() {
        CompletableFuture<ObjectNode> f = poll(4);
        h.advance(Duration.ofMillis(3_999));
        assertThat(f).isNotDone();
        h.advance(Duration.ofMillis(1));
        assertThat(f).isDone();
        assertThat(f.join().has("Messages")).isFalse();
        assertThat(parked()).isZero();
    }

    @Test
    void theQueueDefaultWaitTimeApplies() {
        h.call("SetQueueAttributes", "{'QueueUrl':'" + url + "','Attributes':{'ReceiveMessageWaitTimeSeconds':'20'}}");
        CompletableFuture<ObjectNode> f = h.callAsync("ReceiveMessage", obj().put("QueueUrl", url));
        assertThat(f).isNotDone();
        h.advanceSeconds(20);
        assertThat(f).isDone();
        CompletableFuture<ObjectNode> immediate = h.callAsync("ReceiveMessage",
                obj().put("QueueUrl", url).put("WaitTimeSeconds", 0));
        assertThat(immediate).isDone();
    }

    @Test
    void cancellingTheAnswerFreesTheWaiter() {
        CompletableFuture<ObjectNode> f = poll(20);
        assertThat(parked()).isEqualTo(1);
        f.cancel(false);
        assertThat(parked()).isZero();
        assertThat(h.clock.pendingTasks()).isZero();
        // A later message is not swallowed by the departed client.
        h.send(url, "kept");
        assertThat(h.receive(url)).hasSize(1);
    }

    @Test
    void messagesHandedToAReceiveCancelledMeanwhileGoToTheNextWaiterUncounted() {
        twoMessagesInFlightForFiveSeconds();
        CompletableFuture<ObjectNode> a = pollOne();
        CompletableFuture<ObjectNode> b = pollOne();
        CompletableFuture<ObjectNode> c = pollOne();
        // Both timeouts end together, so one wake-up serves a and b; b's client goes away between the queue
        // picking its message and the answer being completed.
        a.whenComplete((r, e) -> b.cancel(false));
        h.advanceSeconds(5);
        assertThat(a.join().get("Messages")).hasSize(1);
        assertThat(b).isCancelled();
        assertThat(c).as("the next waiter gets the message").isDone();
        JsonNode handedOn = c.join().get("Messages").get(0);
        assertThat(handedOn.at("/Attributes/ApproximateReceiveCount").asText())
                .as("the cancelled receive does not count").isEqualTo("2");
        assertThat(parked()).isZero();
    }

    @Test
    void aMessageHandedToACancelledReceiveIsVisibleAgainAtOnce() {
        twoMessagesInFlightForFiveSeconds();
        CompletableFuture<ObjectNode> a = pollOne();
        CompletableFuture<ObjectNode> b = pollOne();
        a.whenComplete((r, e) -> b.cancel(false));
        h.advanceSeconds(5);
        String taken = a.join().at("/Messages/0/Body").asText();
        JsonNode again = h.receive(url);
        assertThat(again).hasSize(1);
        assertThat(again.get(0).get("Body").asText()).isNotEqualTo(taken);
        assertThat(again.get(0).at("/Attributes/ApproximateReceiveCount").asText()).isEqualTo("2");
    }

    /** Their visibility timeouts end together, so that one wake-up serves two parked receives. */
    private void twoMessagesInFlightForFiveSeconds() {
        h.send(url, "m1");
        h.send(url, "m2");
        h.call("ReceiveMessage", obj().put("QueueUrl", url).put("MaxNumberOfMessages", 2).put("VisibilityTimeout", 5));
    }

    @Test
    void aFifoReceiveAttemptCancelledMeanwhileKeepsItsMessagesForItsRetry() {
        String fifo = h.createFifo("attempt.fifo");
        h.sendFifo(fifo, "g1", "G1", "a");
        h.sendFifo(fifo, "g2", "G2", "b");
        h.call("ReceiveMessage", obj().put("QueueUrl", fifo).put("MaxNumberOfMessages", 2).put("VisibilityTimeout", 5));
        CompletableFuture<ObjectNode> a = h.callAsync("ReceiveMessage", obj().put("QueueUrl", fifo)
                .put("WaitTimeSeconds", 20).put("MaxNumberOfMessages", 1));
        ObjectNode attempt = obj().put("QueueUrl", fifo).put("WaitTimeSeconds", 20).put("MaxNumberOfMessages", 1)
                .put("ReceiveRequestAttemptId", "x");
        CompletableFuture<ObjectNode> b = h.callAsync("ReceiveMessage", attempt);
        a.whenComplete((r, e) -> b.cancel(false));
        h.advanceSeconds(5);
        String first = a.join().at("/Messages/0/Body").asText();
        assertThat(h.receive(fifo)).as("still in flight for the retry").isEmpty();
        JsonNode retried = h.call("ReceiveMessage", attempt.put("WaitTimeSeconds", 0)).get("Messages");
        assertThat(retried).hasSize(1);
        assertThat(retried.get(0).get("Body").asText()).isNotEqualTo(first);
    }

    private CompletableFuture<ObjectNode> pollOne() {
        ObjectNode in = obj().put("QueueUrl", url).put("WaitTimeSeconds", 20).put("MaxNumberOfMessages", 1);
        in.putArray("MessageSystemAttributeNames").add("All");
        return h.callAsync("ReceiveMessage", in);
    }

    @Test
    void waitersAreServedInArrivalOrderAndEachMessageGoesToOne() {
        CompletableFuture<ObjectNode> a = h.callAsync("ReceiveMessage",
                obj().put("QueueUrl", url).put("WaitTimeSeconds", 20));
        CompletableFuture<ObjectNode> b = h.callAsync("ReceiveMessage",
                obj().put("QueueUrl", url).put("WaitTimeSeconds", 20));
        h.send(url, "first");
        assertThat(a).isDone();
        assertThat(b).isNotDone();
        h.send(url, "second");
        assertThat(b.join().get("Messages").get(0).get("Body").asText()).isEqualTo("second");
    }

    @Test
    void deletingTheQueueEndsParkedReceives() {
        CompletableFuture<ObjectNode> f = poll(20);
        h.call("DeleteQueue", obj().put("QueueUrl", url));
        assertThat(f).isDone();
        assertThat(f.join().has("Messages")).isFalse();
        assertThat(h.clock.pendingTasks()).isZero();
    }

    @Test
    void fifoGroupUnblockedByADeleteWakesAParkedReceive() {
        String fifo = h.createFifo("p.fifo");
        h.sendFifo(fifo, "1", "G", "a");
        h.sendFifo(fifo, "2", "G", "b");
        String handle = h.receive(fifo, 1).get(0).get("ReceiptHandle").asText();
        CompletableFuture<ObjectNode> f = h.callAsync("ReceiveMessage",
                obj().put("QueueUrl", fifo).put("WaitTimeSeconds", 20));
        assertThat(f).isNotDone();
        h.delete(fifo, handle);
        assertThat(f.join().get("Messages").get(0).get("Body").asText()).isEqualTo("2");
    }
}
