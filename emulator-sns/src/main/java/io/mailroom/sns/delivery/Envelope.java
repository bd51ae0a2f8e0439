package io.mailroom.sns.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.delivery.MessageAttribute;
import java.util.Base64;
import java.util.Map;

/**
 * The JSON documents SNS delivers (https://docs.aws.amazon.com/sns/latest/dg/http-notification-json.html),
 * with AWS's field order. FIFO topics' notifications carry a SequenceNumber and no signature fields.
 */
public final class Envelope {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private Envelope() {
    }

    /** A signed Notification's fields; {@code signature} null for FIFO topics. */
    public static ObjectNode notification(String messageId, String sequenceNumber, String topicArn, String subject,
                                          String message, String timestamp, String signatureVersion,
                                          String signature, String signingCertUrl, String unsubscribeUrl,
                                          Map<String, MessageAttribute> attributes, boolean replayed) {
        ObjectNode n = F.objectNode();
        n.put("Type", "Notification");
        n.put("MessageId", messageId);
        if (sequenceNumber != null) {
            n.put("SequenceNumber", sequenceNumber);
        }
        n.put("TopicArn", topicArn);
        if (subject != null) {
            n.put("Subject", subject);
        }
        n.put("Message", message);
        n.put("Timestamp", timestamp);
        if (signature != null) {
            n.put("SignatureVersion", signatureVersion);
            n.put("Signature", signature);
            n.put("SigningCertURL", signingCertUrl);
        }
        n.put("UnsubscribeURL", unsubscribeUrl);
        if (!attributes.isEmpty()) {
            n.set("MessageAttributes", attributes(attributes));
        }
        if (replayed) {
            // AWS documents a Replayed attribute on replayed messages without showing its form: a field here.
            n.put("Replayed", true);
        }
        return n;
    }

    /** A SubscriptionConfirmation or UnsubscribeConfirmation. */
    public static ObjectNode confirmation(String type, String messageId, String token, String topicArn, String message,
                                          String subscribeUrl, String timestamp, String signatureVersion,
                                          String signature, String signingCertUrl) {
        ObjectNode n = F.objectNode();
        n.put("Type", type);
        n.put("MessageId", messageId);
        n.put("Token", token);
        n.put("TopicArn", topicArn);
        n.put("Message", message);
        n.put("SubscribeURL", subscribeUrl);
        n.put("Timestamp", timestamp);
        n.put("SignatureVersion", signatureVersion);
        n.put("Signature", signature);
        n.put("SigningCertURL", signingCertUrl);
        return n;
    }

    /** {@code {"name": {"Type": "String", "Value": "..."}}}; Binary values in base64. */
    public static ObjectNode attributes(Map<String, MessageAttribute> attributes) {
        ObjectNode out = F.objectNode();
        attributes.forEach((name, a) -> {
            ObjectNode v = out.putObject(name);
            v.put("Type", a.dataType());
            v.put("Value", a.binaryValue() != null ? Base64.getEncoder().encodeToString(a.binaryValue()) : a.stringValue());
        });
        return out;
    }

    public static String write(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
