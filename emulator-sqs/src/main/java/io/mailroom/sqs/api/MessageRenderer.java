package io.mailroom.sqs.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.sqs.message.Message;
import io.mailroom.sqs.message.MessageAttributeValue;
import io.mailroom.sqs.message.MessageAttributes;
import java.util.Base64;
import java.util.List;

/** Renders messages as the {@code Message} shape of ReceiveMessage. */
final class MessageRenderer {
    static final List<String> ALL = List.of("All");

    private MessageRenderer() {
    }

    /**
     * @param systemNames  requested system attributes (AttributeNames and MessageSystemAttributeNames)
     * @param messageNames requested message attributes; the digest covers only those returned
     */
    static ObjectNode render(ArrayNode messages, Message m, String receiptHandle, int receiveCount,
                             long firstReceivedAt, List<String> systemNames, List<String> messageNames) {
        ObjectNode node = messages.addObject();
        node.put("MessageId", m.messageId());
        node.put("ReceiptHandle", receiptHandle);
        node.put("MD5OfBody", m.md5OfBody());
        node.set("Body", m.body().node());
        if (!systemNames.isEmpty()) {
            boolean all = systemNames.contains("All");
            ObjectNode attributes = node.putObject("Attributes");
            if (all || systemNames.contains("SenderId")) {
                attributes.put("SenderId", m.senderId());
            }
            if (all || systemNames.contains("SentTimestamp")) {
                attributes.put("SentTimestamp", Long.toString(m.sentAt()));
            }
            if (all || systemNames.contains("ApproximateReceiveCount")) {
                attributes.put("ApproximateReceiveCount", Integer.toString(receiveCount));
            }
            if (all || systemNames.contains("ApproximateFirstReceiveTimestamp")) {
                attributes.put("ApproximateFirstReceiveTimestamp", Long.toString(firstReceivedAt));
            }
            putIf(attributes, all || systemNames.contains("SequenceNumber"), "SequenceNumber", m.sequenceNumber());
            putIf(attributes, all || systemNames.contains("MessageDeduplicationId"), "MessageDeduplicationId",
                    m.deduplicationId());
            putIf(attributes, all || systemNames.contains("MessageGroupId"), "MessageGroupId", m.groupId());
            putIf(attributes, all || systemNames.contains("AWSTraceHeader"), "AWSTraceHeader",
                    m.systemAttributes().traceHeader());
            putIf(attributes, all || systemNames.contains("DeadLetterQueueSourceArn"), "DeadLetterQueueSourceArn",
                    m.deadLetterSourceArn());
            if (attributes.isEmpty()) {
                node.remove("Attributes");
            }
        }
        MessageAttributes selected = m.attributes().select(messageNames);
        if (!selected.isEmpty()) {
            node.put("MD5OfMessageAttributes", selected.md5());
            ObjectNode attributes = node.putObject("MessageAttributes");
            for (int i = 0; i < selected.count(); i++) {
                MessageAttributeValue v = selected.value(i);
                ObjectNode a = attributes.putObject(selected.name(i));
                if (v.isBinary()) {
                    a.put("BinaryValue", Base64.getEncoder().encodeToString(v.binaryValue()));
                } else {
                    a.put("StringValue", v.stringValue());
                }
                a.put("DataType", v.dataType());
            }
        }
        return node;
    }

    private static void putIf(ObjectNode node, boolean wanted, String name, String value) {
        if (wanted && value != null) {
            node.put(name, value);
        }
    }
}
