package io.mailroom.bench;

import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A queue created for one scenario and deleted after it. Names carry a random suffix so that a
 * run never meets queues (or their messages) left behind by an earlier, interrupted one.
 */
final class QueueFixture implements AutoCloseable {
    private final SqsClient sqs;
    private final String url;

    private QueueFixture(SqsClient sqs, String url) {
        this.sqs = sqs;
        this.url = url;
    }

    static QueueFixture create(SqsClient sqs, String purpose) {
        String name = "bench-" + purpose + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16);
        return new QueueFixture(sqs, sqs.createQueue(b -> b.queueName(name)).queueUrl());
    }

    String url() {
        return url;
    }

    @Override
    public void close() {
        try {
            sqs.deleteQueue(b -> b.queueUrl(url));
        } catch (SdkException e) {
            System.err.println("warning: could not delete " + url + ": " + e.getMessage());
        }
    }
}
