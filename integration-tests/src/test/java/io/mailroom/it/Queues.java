package io.mailroom.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesRequest;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * The SDK v2 SQS helpers on one client and server: classes on {@code MailroomExtension} make one from the
 * injected {@link SqsClient} and endpoint; {@link Sqs} is the same on the shared {@link TestServer}. The static
 * part (names, error assertions) needs no server, so using it starts none.
 */
final class Queues {
    static final String ACCOUNT = "000000000000";
    static final String REGION = "us-east-1";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final SqsClient client;
    private final URI endpoint;

    Queues(SqsClient client, URI endpoint) {
        this.client = client;
        this.endpoint = endpoint;
    }

    /** A queue name no other test uses: {@code prefix-N}. */
    static String name(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet();
    }

    static String fifoName(String prefix) {
        return name(prefix) + ".fifo";
    }

    static String arn(String name) {
        return "arn:aws:sqs:" + REGION + ":" + ACCOUNT + ":" + name;
    }

    SqsClient client() {
        return client;
    }

    String create(String name) {
        return client.createQueue(b -> b.queueName(name)).queueUrl();
    }

    String create(String name, Map<QueueAttributeName, String> attributes) {
        return client.createQueue(b -> b.queueName(name).attributes(attributes)).queueUrl();
    }

    String createFifo(String name, Map<QueueAttributeName, String> attributes) {
        Map<QueueAttributeName, String> all = new LinkedHashMap<>(attributes);
        all.put(QueueAttributeName.FIFO_QUEUE, "true");
        return create(name, all);
    }

    String arnOf(String queueUrl) {
        return attributes(queueUrl, QueueAttributeName.QUEUE_ARN).get(QueueAttributeName.QUEUE_ARN);
    }

    Map<QueueAttributeName, String> attributes(String queueUrl, QueueAttributeName... names) {
        return client.getQueueAttributes(GetQueueAttributesRequest.builder().queueUrl(queueUrl).attributeNames(names)
                .build()).attributes();
    }

    int count(String queueUrl, QueueAttributeName counter) {
        return Integer.parseInt(attributes(queueUrl, counter).get(counter));
    }

    /** ApproximateNumberOfMessages, ...NotVisible and ...Delayed, in that order. */
    List<Integer> counts(String queueUrl) {
        Map<QueueAttributeName, String> a = attributes(queueUrl, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED);
        return List.of(Integer.parseInt(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)),
                Integer.parseInt(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)),
                Integer.parseInt(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)));
    }

    String send(String queueUrl, String body) {
        return client.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body)).messageId();
    }

    /** A short-poll receive of up to {@code max} messages with all system attributes. */
    List<Message> receive(String queueUrl, int max) {
        return client.receiveMessage(ReceiveMessageRequest.builder().queueUrl(queueUrl).maxNumberOfMessages(max)
                .waitTimeSeconds(0).messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                .messageAttributeNames("All").build()).messages();
    }

    Message receiveOne(String queueUrl) {
        List<Message> got = receive(queueUrl, 1);
        assertThat(got).as("one message received from %s", queueUrl).hasSize(1);
        return got.get(0);
    }

    void assertEmpty(String queueUrl) {
        assertThat(receive(queueUrl, 10)).as("nothing receivable in %s", queueUrl).isEmpty();
    }

    void delete(String queueUrl, Message m) {
        client.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
    }

    /** A queue URL of this server that names no queue. */
    String missingQueueUrl() {
        return endpoint + "/" + ACCOUNT + "/no-such-queue-" + SEQUENCE.incrementAndGet();
    }

    /**
     * Runs {@code call}, which must fail with the SDK exception {@code type}, the error code a Query/JSON
     * client reads ({@code awsErrorDetails().errorCode()}) and the HTTP status.
     */
    static <E extends SqsException> E assertSqsError(Class<E> type, String code, int status, ThrowingCallable call) {
        E e = catchThrowableOfType(type, call);
        assertThat(e).as("expected %s (%s)", type.getSimpleName(), code).isNotNull();
        assertThat(e).isExactlyInstanceOf(type);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
        assertThat(e.statusCode()).isEqualTo(status);
        assertThat(e.awsErrorDetails().errorMessage()).isNotBlank();
        assertThat(e.requestId()).isNotBlank();
        return e;
    }

    /** A generic SQS error without an exception class of its own (InvalidParameterValue, MissingParameter...). */
    static SqsException assertGenericError(String code, ThrowingCallable call) {
        return assertSqsError(SqsException.class, code, 400, call);
    }

    static SqsException assertQueueDoesNotExist(ThrowingCallable call) {
        return assertSqsError(software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException.class,
                "AWS.SimpleQueueService.NonExistentQueue", 400, call);
    }
}
