package io.mailroom.ses.notification;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code mail} object of each message sent through a configuration set, kept so events that happen
 * after the send (a simulated Open, Click or DeliveryDelay) describe the message exactly as its Send event
 * did: same headers, tags and sourceArn, which cannot be rebuilt from the stored MIME alone.
 */
public final class EventMailLog {
    private final Map<String, MailMetadata> byMessageId = new HashMap<>();

    public synchronized void put(MailMetadata mail) {
        byMessageId.put(mail.messageId(), mail);
    }

    public synchronized Optional<MailMetadata> find(String messageId) {
        return Optional.ofNullable(byMessageId.get(messageId));
    }

    /** Forgets one message, or with null all, alongside the mailbox. */
    public synchronized void clear(String messageId) {
        if (messageId == null) {
            byMessageId.clear();
        } else {
            byMessageId.remove(messageId);
        }
    }
}
