package io.mailroom.junit5;

import java.util.Map;

/**
 * A message seen on a queue by {@link Await}, read without receiving it.
 *
 * @param messageId         the id SendMessage answered
 * @param body              the body as sent
 * @param state             whether a consumer could receive it now
 * @param attributes        system attributes ({@code SentTimestamp}, {@code MessageGroupId},
 *                          {@code ApproximateReceiveCount}, ...)
 * @param messageAttributes the message attributes the sender set
 */
public record QueueMessage(String messageId, String body, State state, Map<String, String> attributes,
                           Map<String, MessageAttribute> messageAttributes) {

    public QueueMessage {
        attributes = Map.copyOf(attributes);
        messageAttributes = Map.copyOf(messageAttributes);
    }

    /** The value of message attribute {@code name}, or null when the sender did not set it. */
    public String messageAttributeValue(String name) {
        MessageAttribute attribute = messageAttributes.get(name);
        return attribute == null ? null : attribute.value();
    }

    public enum State {
        /** Receivable now. */
        VISIBLE,
        /** Received by a consumer and not yet deleted; receivable again when its visibility timeout ends. */
        IN_FLIGHT,
        /** Sent with a delay that has not ended. */
        DELAYED
    }
}
