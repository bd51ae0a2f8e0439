package io.mailroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailroom.core.time.ServerClock;
import io.mailroom.junit5.MailroomExtension;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;

/**
 * Long polling through the asynchronous client. The clock is frozen, so a parked receive can only end
 * because a message arrived or because the test moved the clock past its wait time: a broken wake-up
 * shows as a receive that never completes (the bounded get fails), not as a slow one.
 */
@ExtendWith(MailroomExtension.class)
class SqsLongPollIT {
    private static final String P = "SqsLongPollIT";
    /** Only guards against a hang; no assertion depends on how long anything takes. */
    private static final long GUARD_SECONDS = 15;
    private final SqsClient sqs;
    private final Queues queues;
    private final ServerClock clock;
    private final SqsAsyncClient async;

    SqsLongPollIT(SqsClient sqs, URI endpoint, ServerClock clock, SqsAsyncClient async) {
        this.sqs = sqs;
        this.queues = new Queues(sqs, endpoint);
        this.clock = clock;
        this.async = async;
    }

    @BeforeEach
    void freeze() {
        clock.freeze();
    }

    /**
     * Starts a long poll that waits {@code waitSeconds} and returns once the server has parked it: it
     * scheduled the poll's end. Only tasks due then count, as earlier tests leave others on the clock.
     */
    private CompletableFuture<ReceiveMessageResponse> parkedReceive(ReceiveMessageRequest request, int waitSeconds) {
        long end = clock.millis() + waitSeconds * 1000L;
        int before = clock.pendingTasksAt(end);
        CompletableFuture<ReceiveMessageResponse> future = async.receiveMessage(request);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(GUARD_SECONDS);
        while (clock.pendingTasksAt(end) <= before && !future.isDone()) {
            assertThat(System.nanoTime()).as("the receive reached the server").isLessThan(deadline);
            LockSupport.parkNanos(1_000_000);
        }
        assertThat(future).as("parked, not answered").isNotDone();
        return future;
    }

    private CompletableFuture<ReceiveMessageResponse> parkedReceive(String url, int waitSeconds) {
        return parkedReceive(ReceiveMessageRequest.builder().queueUrl(url).waitTimeSeconds(waitSeconds).build(),
                waitSeconds);
    }

    private static List<Message> result(CompletableFuture<ReceiveMessageResponse> future) throws Exception {
        return future.get(GUARD_SECONDS, TimeUnit.SECONDS).messages();
    }

    @Test
    void aParkedReceiveReturnsTheMessageAsSoonAsItIsSent() throws Exception {
        String url = queues.create(Queues.name(P));
        CompletableFuture<ReceiveMessageResponse> receive = parkedReceive(url, 20);

        String id = queues.send(url, "wake up");

        assertThat(result(receive)).singleElement().satisfies(m -> {
            assertThat(m.messageId()).isEqualTo(id);
            assertThat(m.body()).isEqualTo("wake up");
        });
        assertThat(queues.counts(url)).containsExactly(0, 1, 0);
    }

    @Test
    void aParkedReceiveEndsEmptyWhenItsWaitTimeIsOver() throws Exception {
        String url = queues.create(Queues.name(P));
        CompletableFuture<ReceiveMessageResponse> receive = parkedReceive(url, 5);

        clock.advance(Duration.ofSeconds(4));
        assertThat(receive).isNotDone();
        clock.advance(Duration.ofSeconds(1));

        assertThat(result(receive)).isEmpty();
    }

    @Test
    void theQueuesReceiveMessageWaitTimeSecondsAppliesWhenTheRequestSetsNone() throws Exception {
        String url = queues.create(Queues.name(P), Map.of(QueueAttributeName.RECEIVE_MESSAGE_WAIT_TIME_SECONDS, "20"));
        assertThat(sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(0)).messages())
                .as("WaitTimeSeconds=0 is a short poll even on a long-polling queue").isEmpty();

        CompletableFuture<ReceiveMessageResponse> receive = parkedReceive(
                ReceiveMessageRequest.builder().queueUrl(url).build(), 20);
        clock.advance(Duration.ofSeconds(19));
        assertThat(receive).isNotDone();
        clock.advance(Duration.ofSeconds(1));
        assertThat(result(receive)).isEmpty();
    }

    @Test
    void aParkedReceiveGetsAMessageWhoseDelayEnds() throws Exception {
        String url = queues.create(Queues.name(P));
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("delayed").delaySeconds(10));
        CompletableFuture<ReceiveMessageResponse> receive = parkedReceive(url, 20);

        clock.advance(Duration.ofSeconds(10));

        assertThat(result(receive)).extracting(Message::body).containsExactly("delayed");
    }

    @Test
    void aParkedReceiveGetsAMessageWhoseVisibilityTimeoutEnds() throws Exception {
        String url = queues.create(Queues.name(P));
        queues.send(url, "comes back");
        sqs.receiveMessage(b -> b.queueUrl(url).visibilityTimeout(15));
        CompletableFuture<ReceiveMessageResponse> receive = parkedReceive(url, 20);

        clock.advance(Duration.ofSeconds(15));

        assertThat(result(receive)).extracting(Message::body).containsExactly("comes back");
    }

    @Test
    void aParkedReceiveGetsAMessageMadeVisibleByChangeMessageVisibility() throws Exception {
        String url = queues.create(Queues.name(P));
        queues.send(url, "released");
        Message inFlight = queues.receiveOne(url);
        CompletableFuture<ReceiveMessageResponse> receive = parkedReceive(url, 20);

        sqs.changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(inFlight.receiptHandle()).visibilityTimeout(0));

        assertThat(result(receive)).extracting(Message::messageId).containsExactly(inFlight.messageId());
    }

    @Test
    void aParkedReceiveOnAFifoQueueGetsTheNextMessageOnceItsGroupIsUnblocked() throws Exception {
        String url = queues.createFifo(Queues.fifoName(P), Map.of());
        sqs.sendMessage(b -> b.queueUrl(url).messageGroupId("g").messageDeduplicationId("1").messageBody("first"));
        sqs.sendMessage(b -> b.queueUrl(url).messageGroupId("g").messageDeduplicationId("2").messageBody("second"));
        Message first = queues.receiveOne(url);
        CompletableFuture<ReceiveMessageResponse> receive = parkedReceive(url, 20);

        queues.delete(url, first);

        assertThat(result(receive)).extracting(Message::body).containsExactly("second");
    }

    @Test
    void aParkedReceiveOnADeadLetterQueueGetsARedrivenMessage() throws Exception {
        String dlq = queues.create(Queues.name(P + "-dlq"));
        String source = queues.create(Queues.name(P), Map.of(QueueAttributeName.REDRIVE_POLICY,
                SqsRedriveIT.redrivePolicy(queues.arnOf(dlq), 1)));
        queues.send(source, "poison");
        sqs.receiveMessage(b -> b.queueUrl(source).visibilityTimeout(0));
        CompletableFuture<ReceiveMessageResponse> receive = parkedReceive(dlq, 20);

        queues.assertEmpty(source);

        assertThat(result(receive)).extracting(Message::body).containsExactly("poison");
    }

    @Test
    void eachParkedReceiveGetsItsOwnMessage() throws Exception {
        String url = queues.create(Queues.name(P));
        CompletableFuture<ReceiveMessageResponse> first = parkedReceive(url, 20);
        CompletableFuture<ReceiveMessageResponse> second = parkedReceive(url, 20);

        queues.send(url, "one");
        queues.send(url, "two");

        List<Message> a = result(first);
        List<Message> b = result(second);
        assertThat(a).hasSize(1);
        assertThat(b).hasSize(1);
        assertThat(List.of(a.get(0).body(), b.get(0).body())).containsExactlyInAnyOrder("one", "two");
    }

    @Test
    void aLongPollReturnsAtOnceWhenMessagesAreWaiting() throws Exception {
        String url = queues.create(Queues.name(P));
        queues.send(url, "already there");
        ReceiveMessageResponse got = async.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(20))
                .get(GUARD_SECONDS, TimeUnit.SECONDS);
        assertThat(got.messages()).extracting(Message::body).containsExactly("already there");
    }
}
