package io.mailroom.server.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.error.AwsException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Attribute values between the file and the API. AWS attributes are strings; the file may also write the
 * JSON-valued ones (policies) as mappings, which become their JSON text, and the export turns them back.
 */
final class AttributeValues {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AttributeValues() {
    }

    /** The API's string for a value of the file. */
    static String text(ConfigValue value) {
        if (value instanceof ConfigValue.Scalar s) {
            return s.text();
        }
        return write(value.toJson());
    }

    static String write(JsonNode json) {
        try {
            return JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A RedrivePolicy (SQS, or an SNS subscription's): in a mapping, {@code deadLetterQueue: name} stands for
     * {@code deadLetterTargetArn} of that queue in the same account and region.
     */
    static String redrivePolicy(ConfigValue value, Scope scope) {
        if (!(value instanceof ConfigValue.Mapping m) || !m.entries().containsKey("deadLetterQueue")) {
            return text(value);
        }
        ConfigValue dlq = m.entries().get("deadLetterQueue");
        if (m.entries().containsKey("deadLetterTargetArn")) {
            throw dlq.at().error("give deadLetterQueue or deadLetterTargetArn, not both");
        }
        ObjectNode json = (ObjectNode) m.toJson();
        json.remove("deadLetterQueue");
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("deadLetterTargetArn", scope.queueRef(Fields.text(dlq)));
        out.setAll(json);
        return write(out);
    }

    /** The attributes as the API takes them, with RedrivePolicy resolved. */
    static Map<String, String> texts(Map<String, ConfigValue> values, Scope scope) {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, k.equals("RedrivePolicy") ? redrivePolicy(v, scope) : text(v)));
        return out;
    }

    static ObjectNode object(Map<String, String> values) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        values.forEach(out::put);
        return out;
    }

    /**
     * Where an AWS error about an attribute map belongs: the attribute its message names, else {@code fallback}.
     * (SetQueueAttributes and Subscribe judge all attributes at once; their messages name the culprit.)
     */
    static ConfigException placed(AwsException e, Map<String, ConfigValue> attributes, Position fallback) {
        for (Map.Entry<String, ConfigValue> a : attributes.entrySet()) {
            if (e.getMessage() != null && e.getMessage().contains(a.getKey())) {
                return a.getValue().at().error(OperationCaller.describe(e));
            }
        }
        return fallback.error(OperationCaller.describe(e));
    }

    /** For the export: a JSON document as a tree (a mapping in YAML), anything else as the string it is. */
    static JsonNode exported(String value) {
        String trimmed = value.trim();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                return JSON.readTree(trimmed);
            } catch (JsonProcessingException e) {
                // not JSON after all: kept as text
            }
        }
        return JsonNodeFactory.instance.textNode(value);
    }

    /** The reverse of {@link #redrivePolicy}: a dead-letter queue of the same scope is written by name. */
    static JsonNode exportedRedrive(String value, Scope scope) {
        JsonNode tree = exported(value);
        if (tree instanceof ObjectNode o && o.path("deadLetterTargetArn").isTextual()) {
            String arn = o.get("deadLetterTargetArn").asText();
            String name = scope.shortQueue(arn);
            if (!name.equals(arn)) {
                ObjectNode out = JsonNodeFactory.instance.objectNode();
                out.put("deadLetterQueue", name);
                o.fields().forEachRemaining(f -> {
                    if (!f.getKey().equals("deadLetterTargetArn")) {
                        out.set(f.getKey(), f.getValue());
                    }
                });
                return out;
            }
        }
        return tree;
    }
}
