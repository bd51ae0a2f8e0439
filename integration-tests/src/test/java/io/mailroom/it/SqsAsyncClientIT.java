package io.mailroom.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;

/** The asynchronous SDK v2 client over its Netty HTTP client: the same operations, the same answers. */
class SqsAsyncClientIT {
    private static final String P = "SqsAsyncClientIT";
    private static final SqsAsyncClient ASYNC = TestServer.sqsAsync();

    @AfterAll
    static void close() {
        ASYNC.close();
    }

    private static <T> T await(java.util.concurrent.CompletableFuture<T> f) throws Exception {
        return f.get(30, TimeUnit.SECONDS);
    }

    @Test
    void sendReceiveAndDeleteThroughTheAsyncClient() throws Exception {
        String url = await(ASYNC.createQueue(b -> b.queueName(Sqs.name(P)))).queueUrl();
        Map<String, MessageAttributeValue> attributes = Map.of(
                "s", MessageAttributeValue.builder().dataType("String").stringValue("async \u2713").build(),
                "n", MessageAttributeValue.builder().dataType("Number").stringValue("42").build(),
                "b", MessageAttributeValue.builder().dataType("Binary").binaryValue(SdkBytes.fromUtf8String("bytes")).build());
        SendMessageResponse sent = await(ASYNC.sendMessage(b -> b.queueUrl(url).messageBody("hello async")
                .messageAttributes(attributes)));
        assertThat(sent.md5OfMessageBody()).isEqualTo(Md5.ofBody("hello async"));
        await(ASYNC.sendMessageBatch(b -> b.queueUrl(url).entries(
                SendMessageBatchRequestEntry.builder().id("one").messageBody("batch one").build(),
                SendMessageBatchRequestEntry.builder().id("two").messageBody("batch two").build())));

        List<Message> got = await(ASYNC.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)
                .messageAttributeNames("All"))).messages();
        assertThat(got).extracting(Message::body).containsExactlyInAnyOrder("hello async", "batch one", "batch two");
        assertThat(got).filteredOn(m -> m.messageId().equals(sent.messageId())).singleElement()
                .satisfies(m -> assertThat(m.messageAttributes()).isEqualTo(attributes));

        await(ASYNC.deleteMessageBatch(b -> b.queueUrl(url).entries(got.stream()
                .map(m -> DeleteMessageBatchRequestEntry.builder().id(m.messageId()).receiptHandle(m.receiptHandle()).build())
                .toList())));
        assertThat(Sqs.counts(url)).containsExactly(0, 0, 0);
        await(ASYNC.deleteQueue(b -> b.queueUrl(url)));
    }

    /** The SDK's automatic batching sends SendMessageBatch/DeleteMessageBatch and checks each entry's digests. */
    @Test
    void theAutomaticBatchManagerSendsAndDeletesInBatches() throws Exception {
        String url = Sqs.create(Sqs.name(P));
        List<java.util.concurrent.CompletableFuture<SendMessageResponse>> sends = new java.util.ArrayList<>();
        try (software.amazon.awssdk.services.sqs.batchmanager.SqsAsyncBatchManager batch = ASYNC.batchManager()) {
            for (int i = 0; i < 15; i++) {
                String body = "batched " + i;
                sends.add(batch.sendMessage(b -> b.queueUrl(url).messageBody(body).messageAttributes(Map.of("i",
                        MessageAttributeValue.builder().dataType("Number").stringValue(body.substring(8)).build()))));
            }
            for (java.util.concurrent.CompletableFuture<SendMessageResponse> f : sends) {
                assertThat(await(f).messageId()).isNotBlank();
            }
            List<Message> received = new java.util.ArrayList<>();
            List<Message> got;
            while (!(got = Sqs.receive(url, 10)).isEmpty()) {
                received.addAll(got);
            }
            assertThat(received).hasSize(15);
            List<java.util.concurrent.CompletableFuture<?>> deletes = new java.util.ArrayList<>();
            for (Message m : received) {
                deletes.add(batch.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle())));
            }
            for (java.util.concurrent.CompletableFuture<?> f : deletes) {
                await(f);
            }
        }
        assertThat(Sqs.counts(url)).containsExactly(0, 0, 0);
    }

    @Test
    void errorsArriveAsTheModelledException() {
        Throwable t = catchThrowable(() -> ASYNC.getQueueUrl(b -> b.queueName(Sqs.name(P))).join());
        assertThat(t).isInstanceOf(CompletionException.class);
        assertThat(t.getCause()).isInstanceOf(QueueDoesNotExistException.class);
        QueueDoesNotExistException e = (QueueDoesNotExistException) t.getCause();
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AWS.SimpleQueueService.NonExistentQueue");
        assertThat(e.statusCode()).isEqualTo(400);
    }
}
