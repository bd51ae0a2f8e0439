package io.mailroom.it;

import io.mailroom.core.time.ServerClock;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * What the SDK v2 test classes on the shared {@link TestServer} share: one client, unique queue names, error
 * assertions. The same helpers as {@link Queues}, on the shared server's client.
 */
final class Sqs {
    static final SqsClient CLIENT = TestServer.sqs();
    static final String ACCOUNT = Queues.ACCOUNT;
    static final String REGION = Queues.REGION;
    private static final Queues SHARED = new Queues(CLIENT, TestServer.endpoint());

    private Sqs() {
    }

    /** A queue name no other test uses: {@code prefix-N}. */
    static String name(String prefix) {
        return Queues.name(prefix);
    }

    static String fifoName(String prefix) {
        return Queues.fifoName(prefix);
    }

    static String create(String name) {
        return SHARED.create(name);
    }

    static String create(String name, Map<QueueAttributeName, String> attributes) {
        return SHARED.create(name, attributes);
    }

    static String createFifo(String name, Map<QueueAttributeName, String> attributes) {
        return SHARED.createFifo(name, attributes);
    }

    static String arn(String name) {
        return Queues.arn(name);
    }

    static String arnOf(String queueUrl) {
        return SHARED.arnOf(queueUrl);
    }

    static Map<QueueAttributeName, String> attributes(String queueUrl, QueueAttributeName... names) {
        return SHARED.attributes(queueUrl, names);
    }

    static int count(String queueUrl, QueueAttributeName counter) {
        return SHARED.count(queueUrl, counter);
    }

    /** ApproximateNumberOfMessages, ...NotVisible and ...Delayed, in that order. */
    static List<Integer> counts(String queueUrl) {
        return SHARED.counts(queueUrl);
    }

    static String send(String queueUrl, String body) {
        return SHARED.send(queueUrl, body);
    }

    /** A short-poll receive of up to {@code max} messages with all system attributes. */
    static List<Message> receive(String queueUrl, int max) {
        return SHARED.receive(queueUrl, max);
    }

    static Message receiveOne(String queueUrl) {
        return SHARED.receiveOne(queueUrl);
    }

    static void assertEmpty(String queueUrl) {
        SHARED.assertEmpty(queueUrl);
    }

    static void delete(String queueUrl, Message m) {
        SHARED.delete(queueUrl, m);
    }

    static ServerClock clock() {
        return TestServer.get().clock();
    }

    static <E extends SqsException> E assertSqsError(Class<E> type, String code, int status, ThrowingCallable call) {
        return Queues.assertSqsError(type, code, status, call);
    }

    static SqsException assertGenericError(String code, ThrowingCallable call) {
        return Queues.assertGenericError(code, call);
    }

    static SqsException assertQueueDoesNotExist(ThrowingCallable call) {
        return Queues.assertQueueDoesNotExist(call);
    }

    /** A queue URL of this server that names no queue. */
    static String missingQueueUrl() {
        return SHARED.missingQueueUrl();
    }
}
