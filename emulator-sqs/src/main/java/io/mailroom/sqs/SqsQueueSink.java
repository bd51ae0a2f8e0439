package io.mailroom.sqs;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.delivery.MessageAttribute;
import io.mailroom.core.delivery.QueueMessage;
import io.mailroom.core.delivery.QueueSink;
import io.mailroom.sqs.api.MessageOperations;
import io.mailroom.sqs.message.SystemAttributes;
import io.mailroom.sqs.queue.Queue;
import io.mailroom.sqs.queue.QueueAddress;
import io.mailroom.sqs.queue.QueueRegistry;
import java.util.Base64;
import java.util.Map;

/** Deliveries from other services (SNS subscriptions, ...) into SQS queues, with SendMessage's rules. */
final class SqsQueueSink implements QueueSink {
    private final QueueRegistry registry;
    private final MessageOperations messages;

    SqsQueueSink(QueueRegistry registry, MessageOperations messages) {
        this.registry = registry;
        this.messages = messages;
    }

    @Override
    public String send(String queueArn, QueueMessage message) {
        Queue q = find(queueArn);
        if (q == null) {
            throw QueueAddress.noSuchQueue();
        }
        ObjectNode input = JsonNodeFactory.instance.objectNode();
        input.put("MessageBody", message.body());
        if (!message.attributes().isEmpty()) {
            ObjectNode attributes = input.putObject("MessageAttributes");
            for (Map.Entry<String, MessageAttribute> e : message.attributes().entrySet()) {
                MessageAttribute a = e.getValue();
                ObjectNode v = attributes.putObject(e.getKey()).put("DataType", a.dataType());
                if (a.binaryValue() != null) {
                    v.put("BinaryValue", Base64.getEncoder().encodeToString(a.binaryValue()));
                } else {
                    v.put("StringValue", a.stringValue());
                }
            }
        }
        if (message.messageGroupId() != null) {
            input.put("MessageGroupId", message.messageGroupId());
        }
        if (message.messageDeduplicationId() != null) {
            input.put("MessageDeduplicationId", message.messageDeduplicationId());
        }
        if (message.traceHeader() != null && !message.traceHeader().isBlank()) {
            input.putObject("MessageSystemAttributes").putObject(SystemAttributes.AWS_TRACE_HEADER)
                    .put("DataType", "String").put("StringValue", message.traceHeader());
        }
        return messages.sendAs(message.senderId(), q, input).messageId();
    }

    @Override
    public boolean exists(String queueArn) {
        return find(queueArn) != null;
    }

    @Override
    public boolean isFifo(String queueArn) {
        Queue q = find(queueArn);
        return q != null && q.fifo();
    }

    private Queue find(String arn) {
        QueueAddress a = QueueAddress.fromArn(arn);
        return a == null ? null : registry.find(a);
    }
}
