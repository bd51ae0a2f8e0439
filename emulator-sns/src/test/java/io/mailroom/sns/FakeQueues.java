package io.mailroom.sns;

import io.mailroom.core.delivery.QueueMessage;
import io.mailroom.core.delivery.QueueSink;
import io.mailroom.core.error.ErrorCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An in-memory QueueSink: queues exist once created; sends to others fail as SQS would. */
final class FakeQueues implements QueueSink {
    final Map<String, List<QueueMessage>> queues = new LinkedHashMap<>();

    void create(String arn) {
        queues.put(arn, new ArrayList<>());
    }

    List<QueueMessage> messages(String arn) {
        return queues.get(arn);
    }

    @Override
    public synchronized String send(String queueArn, QueueMessage message) {
        List<QueueMessage> q = queues.get(queueArn);
        if (q == null) {
            throw new ErrorCode("QueueDoesNotExist", "AWS.SimpleQueueService.NonExistentQueue", 400,
                    io.mailroom.core.error.Fault.SENDER).exception("The specified queue does not exist.");
        }
        q.add(message);
        return UUID.randomUUID().toString();
    }

    @Override
    public boolean exists(String queueArn) {
        return queues.containsKey(queueArn);
    }

    @Override
    public boolean isFifo(String queueArn) {
        return queueArn.endsWith(".fifo");
    }
}
