package io.mailroom.bench;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * SendMessageBatch of 10 × 1 KiB → ReceiveMessage(max 10) → DeleteMessageBatch of what came back.
 * Messages counted are those deleted, i.e. carried through the whole cycle.
 */
record BatchCycle(SqsClient sqs, String queueUrl) implements LoadIteration {
    static final int BATCH = 10;
    static final List<SendMessageBatchRequestEntry> ENTRIES = entries();

    private static List<SendMessageBatchRequestEntry> entries() {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            entries.add(SendMessageBatchRequestEntry.builder().id("m" + i).messageBody(Payload.BODY_1KIB).build());
        }
        return List.copyOf(entries);
    }

    @Override
    public void run(Tally tally) {
        SendMessageBatchResponse sent = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(ENTRIES));
        tally.calls(1);
        if (sent.hasFailed() && !sent.failed().isEmpty()) {
            throw new IllegalStateException("batch entries failed: " + sent.failed().get(0));
        }
        ReceiveMessageResponse received = sqs.receiveMessage(
                b -> b.queueUrl(queueUrl).maxNumberOfMessages(BATCH).waitTimeSeconds(0));
        tally.calls(1);
        List<Message> messages = received.messages();
        if (messages.isEmpty()) {
            return;
        }
        List<DeleteMessageBatchRequestEntry> deletes = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            deletes.add(DeleteMessageBatchRequestEntry.builder()
                    .id("d" + i).receiptHandle(messages.get(i).receiptHandle()).build());
        }
        sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(deletes));
        tally.calls(1);
        tally.messages(messages.size());
    }
}
