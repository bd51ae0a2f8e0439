package io.mailroom.sns.email;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** Keeps every email for inspection instead of sending it. */
public final class RecordingEmailSink implements EmailSink {
    private final List<EmailMessage> messages = new ArrayList<>();

    @Override
    public synchronized void send(EmailMessage message) {
        messages.add(message);
    }

    public synchronized List<EmailMessage> messages() {
        return List.copyOf(messages);
    }

    public synchronized void clear() {
        messages.clear();
    }

    /** {@code {"email_messages": [...]}} for an account and region (either may be null for all). */
    public synchronized ObjectNode toJson(String accountId, String region) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ArrayNode list = root.putArray("email_messages");
        for (EmailMessage m : messages) {
            if ((accountId == null || accountId.equals(m.accountId())) && (region == null || region.equals(m.region()))) {
                ObjectNode e = list.addObject();
                e.put("From", m.from());
                e.put("To", m.to());
                e.put("Subject", m.subject());
                e.put("Body", m.body());
                e.put("ContentType", m.contentType());
                e.put("TopicArn", m.topicArn());
                e.put("SubscriptionArn", m.subscriptionArn());
                e.put("MessageId", m.messageId());
                e.put("Timestamp", m.timestampMillis());
            }
        }
        return root;
    }
}
