package io.mailroom.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opentest4j.AssertionFailedError;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/** Waiting for messages on queues: what it returns, that it waits, and what it says when it gives up. */
class AwaitTest {
    @RegisterExtension
    static final MailroomExtension MAILROOM = MailroomExtension.perClass().resetBeforeEachTest();

    private SqsClient sqs;
    private Await await;
    private String queueUrl;

    @BeforeEach
    void createQueue(SqsClient sqs, Await await) {
        this.sqs = sqs;
        // Failing waits in this class are expected; short timeouts keep them quick.
        this.await = await.within(Duration.ofMillis(100));
        this.queueUrl = sqs.createQueue(b -> b.queueName("orders")).queueUrl();
    }

    private String send(String body) {
        return sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body)).messageId();
    }

    @Test
    void returnsTheFirstMatchingMessageWithoutReceivingIt() {
        send("order 41");
        String id = sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody("order 42")
                .messageAttributes(Map.of("customer", MessageAttributeValue.builder()
                        .dataType("String").stringValue("ada").build()))).messageId();

        QueueMessage message = await.message(queueUrl, m -> m.body().endsWith("42"));

        assertThat(message.messageId()).isEqualTo(id);
        assertThat(message.body()).isEqualTo("order 42");
        assertThat(message.state()).isEqualTo(QueueMessage.State.VISIBLE);
        assertThat(message.messageAttributeValue("customer")).isEqualTo("ada");
        assertThat(message.messageAttributes()).containsEntry("customer", new MessageAttribute("String", "ada"));
        assertThat(message.attributes()).containsKey("SentTimestamp").doesNotContainKeys("IsVisible", "IsDelayed");
        assertThat(sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)).messages()).hasSize(2);
    }

    @Test
    void waitsForAMessageSentLater() {
        Await patient = await.within(Duration.ofSeconds(10));
        CompletableFuture<String> sent = CompletableFuture.supplyAsync(() -> send("late"),
                CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS));

        QueueMessage message = patient.messageWithBody(queueUrl, "late");

        assertThat(message.messageId()).isEqualTo(sent.join());
    }

    @Test
    void waitsForAQueueThatDoesNotExistYet() {
        Await patient = await.within(Duration.ofSeconds(10));
        CompletableFuture<Void> created = CompletableFuture.runAsync(() -> {
            String url = sqs.createQueue(b -> b.queueName("created-later")).queueUrl();
            sqs.sendMessage(b -> b.queueUrl(url).messageBody("first"));
        }, CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS));

        assertThat(patient.message("created-later").body()).isEqualTo("first");
        created.join();
    }

    @Test
    void findsQueuesByName() {
        send("by name");

        assertThat(await.message("orders").body()).isEqualTo("by name");
    }

    @Test
    void seesMessagesInFlightAndDelayed() {
        send("received");
        sqs.receiveMessage(b -> b.queueUrl(queueUrl));
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody("delayed").delaySeconds(600));

        List<QueueMessage> messages = await.messages(queueUrl, 2);

        assertThat(messages).extracting(QueueMessage::body, QueueMessage::state).containsExactly(
                tuple("received", QueueMessage.State.IN_FLIGHT),
                tuple("delayed", QueueMessage.State.DELAYED));
        assertThat(messages.get(0).attributes()).containsEntry("ApproximateReceiveCount", "1");
    }

    @Test
    void returnsSeveralMatchingMessagesInSendOrder() {
        send("a1");
        send("b1");
        send("a2");

        List<QueueMessage> messages = await.messages(queueUrl, 2, "a body starting with a",
                m -> m.body().startsWith("a"));

        assertThat(messages).extracting(QueueMessage::body).containsExactly("a1", "a2");
    }

    @Test
    void failsListingWhatWasOnTheQueue() {
        String first = send("order 41");
        String second = sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody("order\n43")
                .messageAttributes(Map.of(
                        "type", MessageAttributeValue.builder().dataType("String").stringValue("order").build(),
                        "blob", MessageAttributeValue.builder().dataType("Binary")
                                .binaryValue(SdkBytes.fromUtf8String("hi")).build()))).messageId();

        AssertionFailedError failure = catchThrowableOfType(AssertionFailedError.class,
                () -> await.messageWithBody(queueUrl, "order 42"));

        assertThat(failure).hasMessage("No message matching body \"order 42\" on queue " + queueUrl
                + " within 100 ms. The queue held 2 messages:\n"
                + "  1. [VISIBLE] body \"order 41\" (id " + first + ")\n"
                + "  2. [VISIBLE] body \"order\\n43\" attributes {blob=Binary:aGk=, type=String:order} (id " + second + ")");
    }

    @Test
    void failsSayingHowManyOfSeveralItFound() {
        send("a1");

        AssertionFailedError failure = catchThrowableOfType(AssertionFailedError.class,
                () -> await.messages(queueUrl, 3, "an a", m -> m.body().startsWith("a")));

        assertThat(failure.getMessage()).startsWith("Only 1 of 3 messages matching an a on queue " + queueUrl
                + " within 100 ms. The queue held 1 message:\n  1. [VISIBLE] body \"a1\"");
    }

    @Test
    void failsOnAnEmptyQueue() {
        AssertionFailedError failure = catchThrowableOfType(AssertionFailedError.class,
                () -> await.message(queueUrl, m -> true));

        assertThat(failure).hasMessage("No message matching the given predicate on queue " + queueUrl
                + " within 100 ms. The queue was empty.");
    }

    @Test
    void failsSayingTheQueueDoesNotExist() {
        AssertionFailedError failure = catchThrowableOfType(AssertionFailedError.class,
                () -> await.within(Duration.ZERO).message("missing"));

        assertThat(failure).hasMessage("No message matching any message on queue missing within 0 ms. "
                + "The queue could not be read: AWS.SimpleQueueService.NonExistentQueue:"
                + " The specified queue does not exist for this wsdl version.");
    }

    @Test
    void waitsForAQueueToEmpty() {
        send("consumed");
        CompletableFuture.runAsync(() -> {
            var received = sqs.receiveMessage(b -> b.queueUrl(queueUrl)).messages().get(0);
            sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(received.receiptHandle()));
        }, CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS));

        await.within(Duration.ofSeconds(10)).emptyQueue(queueUrl);

        assertThat(sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNamesWithStrings("All"))
                .attributesAsStrings()).containsEntry("ApproximateNumberOfMessages", "0")
                .containsEntry("ApproximateNumberOfMessagesNotVisible", "0");
    }

    @Test
    void failsWhenTheQueueStaysFull() {
        send("left over");

        AssertionFailedError failure = catchThrowableOfType(AssertionFailedError.class,
                () -> await.emptyQueue(queueUrl));

        assertThat(failure.getMessage()).startsWith("Queue " + queueUrl + " was not empty within 100 ms. "
                + "The queue held 1 message:\n  1. [VISIBLE] body \"left over\"");
    }

    @Test
    void worksAgainstAnEndpoint(URI endpoint) {
        send("remote");

        assertThat(Await.on(endpoint).message(queueUrl).body()).isEqualTo("remote");
    }
}
