package io.mailroom.bench;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;

/**
 * ReceiveMessage without waiting. A short poll may come back empty even with messages queued
 * (real SQS samples hosts; on a shared queue another thread may have taken "our" message), so it is
 * repeated a bounded number of times; every attempt is a call the server served and is counted.
 */
final class ShortPoll {
    private static final int MAX_ATTEMPTS = 1_000;

    private ShortPoll() {
    }

    static Message receiveOne(SqsClient sqs, String queueUrl, Tally tally) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            ReceiveMessageResponse r = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(1).waitTimeSeconds(0));
            tally.calls(1);
            if (r.hasMessages() && !r.messages().isEmpty()) {
                return r.messages().get(0);
            }
        }
        throw new IllegalStateException("no message after " + MAX_ATTEMPTS + " short polls of " + queueUrl);
    }
}
