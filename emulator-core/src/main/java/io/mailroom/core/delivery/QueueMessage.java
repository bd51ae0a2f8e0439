package io.mailroom.core.delivery;

import java.util.Map;

/**
 * A message another service delivers into a queue, as it would with SendMessage.
 *
 * @param body                   the message body
 * @param attributes             message attributes (may be empty)
 * @param messageGroupId         FIFO group, or null
 * @param messageDeduplicationId FIFO de-duplication id, or null
 * @param senderId               who sent it ({@code SenderId} system attribute), e.g. the SNS service principal
 * @param traceHeader            the {@code AWSTraceHeader} system attribute: the X-Ray trace of the request
 *                               that caused the message, or null
 */
public record QueueMessage(String body, Map<String, MessageAttribute> attributes, String messageGroupId,
                           String messageDeduplicationId, String senderId, String traceHeader) {

    public QueueMessage {
        attributes = Map.copyOf(attributes);
    }

    /** A message without a trace header. */
    public QueueMessage(String body, Map<String, MessageAttribute> attributes, String messageGroupId,
                        String messageDeduplicationId, String senderId) {
        this(body, attributes, messageGroupId, messageDeduplicationId, senderId, null);
    }
}
