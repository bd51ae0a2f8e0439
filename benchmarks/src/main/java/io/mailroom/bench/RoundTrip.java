package io.mailroom.bench;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Send one 1 KiB message, receive one, delete it: the basic worker cycle. Queue depth is unchanged
 * by a cycle, which is what lets the deep scenario run it against a million queued messages.
 */
record RoundTrip(SqsClient sqs, String queueUrl) implements LoadIteration {

    @Override
    public void run(Tally tally) {
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(Payload.BODY_1KIB));
        tally.calls(1);
        Message m = ShortPoll.receiveOne(sqs, queueUrl, tally);
        sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
        tally.calls(1);
        tally.messages(1);
    }
}
