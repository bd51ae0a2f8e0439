package io.mailroom.sns.delivery;

import io.mailroom.sns.publish.Notification;
import io.mailroom.sns.signing.MessageSigner;
import io.mailroom.sns.signing.SignatureVersion;
import java.util.HashMap;
import java.util.Map;

/**
 * The signatures of one published message. The string to sign holds nothing subscription-specific,
 * so each distinct message text (one, or one per protocol with MessageStructure=json) is signed once
 * however many subscribers receive it.
 */
final class NotificationSignatures {
    private final MessageSigner signer;
    private final SignatureVersion version;
    private final Notification notification;
    private final Map<String, String> byMessage = new HashMap<>(2);

    NotificationSignatures(MessageSigner signer, SignatureVersion version, Notification notification) {
        this.signer = signer;
        this.version = version;
        this.notification = notification;
    }

    SignatureVersion version() {
        return version;
    }

    synchronized String of(String message) {
        return byMessage.computeIfAbsent(message, m -> signer.sign(version, MessageSigner.notificationStringToSign(
                m, notification.messageId(), notification.subject(), notification.timestamp(), notification.topicArn())));
    }
}
