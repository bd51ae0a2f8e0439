package io.mailroom.sns.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Signs notifications and (un)subscribe confirmations over AWS's documented string to sign: the
 * listed fields in byte order of their names, each as "Name\nValue\n", a field left out when absent
 * (only Subject can be). https://docs.aws.amazon.com/sns/latest/dg/sns-verify-signature-of-message.html
 */
public final class MessageSigner {
    private final SigningKeys keys;

    public MessageSigner(SigningKeys keys) {
        this.keys = keys;
    }

    /** String to sign of a Notification. */
    public static String notificationStringToSign(String message, String messageId, String subject,
                                                  String timestamp, String topicArn) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Message", message);
        fields.put("MessageId", messageId);
        if (subject != null) {
            fields.put("Subject", subject);
        }
        fields.put("Timestamp", timestamp);
        fields.put("TopicArn", topicArn);
        fields.put("Type", "Notification");
        return join(fields);
    }

    /** String to sign of a SubscriptionConfirmation or UnsubscribeConfirmation. */
    public static String confirmationStringToSign(String type, String message, String messageId,
                                                  String subscribeUrl, String timestamp, String token,
                                                  String topicArn) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Message", message);
        fields.put("MessageId", messageId);
        fields.put("SubscribeURL", subscribeUrl);
        fields.put("Timestamp", timestamp);
        fields.put("Token", token);
        fields.put("TopicArn", topicArn);
        fields.put("Type", type);
        return join(fields);
    }

    /** Base64 of the RSA signature of {@code stringToSign} with the version's digest. */
    public String sign(SignatureVersion version, String stringToSign) {
        try {
            Signature signature = Signature.getInstance(version.algorithm());
            signature.initSign(keys.privateKey());
            signature.update(stringToSign.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign SNS message", e);
        }
    }

    private static String join(Map<String, String> fields) {
        StringBuilder out = new StringBuilder(256);
        fields.forEach((k, v) -> out.append(k).append('\n').append(v).append('\n'));
        return out.toString();
    }
}
