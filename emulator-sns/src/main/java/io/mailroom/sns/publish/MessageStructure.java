package io.mailroom.sns.publish;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.mailroom.sns.SnsErrors;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * MessageStructure=json: the message is a JSON object of per-protocol messages with a required
 * {@code default}; non-string values are ignored, as the Publish documentation states (AWS delivers the
 * default to an SQS subscriber when "sqs" is an object, recorded).
 */
public final class MessageStructure {
    /** Anything after the object fails to parse on AWS ({"default": "..."} } is refused, recorded). */
    private static final ObjectReader JSON = new ObjectMapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private MessageStructure() {
    }

    /** The per-protocol messages, or null when {@code structure} is absent. */
    public static Map<String, String> parse(String structure, String message) {
        if (structure == null) {
            return null;
        }
        if (!structure.equals("json")) {
            throw SnsErrors.invalid("Invalid value for MessageStructure parameter: " + structure);
        }
        JsonNode root;
        try {
            root = JSON.readTree(message);
        } catch (Exception e) {
            root = null;
        }
        if (root == null || !root.isObject()) {
            throw SnsErrors.invalid("Message Structure - JSON message body failed to parse");
        }
        Map<String, String> out = new LinkedHashMap<>();
        root.fields().forEachRemaining(e -> {
            if (e.getValue().isTextual()) {
                out.put(e.getKey(), e.getValue().textValue());
            }
        });
        if (!out.containsKey("default")) {
            throw SnsErrors.invalid("Message Structure - No default entry in JSON message body");
        }
        return out;
    }
}
