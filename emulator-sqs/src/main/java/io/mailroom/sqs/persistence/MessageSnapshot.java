package io.mailroom.sqs.persistence;

import io.mailroom.sqs.message.Message;
import io.mailroom.sqs.message.MessageAttributeValue;
import io.mailroom.sqs.message.MessageAttributes;
import io.mailroom.sqs.message.MessageBody;
import io.mailroom.sqs.message.MessageState;
import io.mailroom.sqs.message.SystemAttributes;
import io.mailroom.sqs.queue.InspectedMessage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One stored message. Digests are not kept: they follow from the content and are recomputed on restore.
 *
 * @param state           VISIBLE, DELAYED or INFLIGHT when saved
 * @param dueAt           epoch millis when the delay (DELAYED) or visibility timeout (INFLIGHT) ends; null
 *                        when VISIBLE. Only a delay survives a restart: receipt handles do not, so a
 *                        message in flight comes back visible, as after a crash
 * @param traceHeader     the AWSTraceHeader system attribute, if sent
 * @param sentAt          epoch millis; retention keeps counting from it
 * @param firstReceivedAt epoch millis, 0 if never received
 */
public record MessageSnapshot(String id, String body, Map<String, AttributeSnapshot> attributes, String traceHeader,
                              String senderId, long sentAt, MessageState state, Long dueAt, int receiveCount,
                              long firstReceivedAt, String groupId, String deduplicationId, String sequenceNumber,
                              String deadLetterSourceArn) {

    public MessageSnapshot {
        Objects.requireNonNull(id, "a message has no id");
        Objects.requireNonNull(body, "message " + id + " has no body");
        Objects.requireNonNull(state, "message " + id + " has no state");
        if (state == MessageState.GONE) {
            throw new IllegalArgumentException("message " + id + " is GONE: only stored messages belong here");
        }
        attributes = attributes == null ? Map.of() : attributes;
    }

    static MessageSnapshot of(InspectedMessage inspected) {
        Message m = inspected.message();
        Map<String, AttributeSnapshot> attributes = new LinkedHashMap<>();
        MessageAttributes a = m.attributes();
        for (int i = 0; i < a.count(); i++) {
            attributes.put(a.name(i), AttributeSnapshot.of(a.value(i)));
        }
        MessageState state = inspected.state();
        return new MessageSnapshot(m.messageId(), m.body().text(), attributes, m.systemAttributes().traceHeader(),
                m.senderId(), m.sentAt(), state, state == MessageState.VISIBLE ? null : inspected.dueAt(),
                inspected.receiveCount(), inspected.firstReceivedAt(), m.groupId(), m.deduplicationId(),
                m.sequenceNumber(), m.deadLetterSourceArn());
    }

    /** The end of the delay, or 0 when the message is to be visible at once. */
    long delayedUntil() {
        return state == MessageState.DELAYED && dueAt != null ? dueAt : 0;
    }

    /** The message with a placeholder serial: the queue it is restored into numbers it. */
    Message toMessage() {
        Map<String, MessageAttributeValue> values = new LinkedHashMap<>();
        attributes.forEach((name, value) -> values.put(name, value.toValue(name)));
        MessageBody checked;
        try {
            checked = MessageBody.of(body);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("message " + id + ": " + e.getMessage(), e);
        }
        return new Message(0, UUID.fromString(id), checked, checked.md5(), MessageAttributes.of(values),
                SystemAttributes.of(traceHeader), senderId, sentAt, groupId, deduplicationId, sequenceNumber,
                deadLetterSourceArn, receiveCount, firstReceivedAt);
    }
}
