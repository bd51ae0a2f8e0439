package io.mailroom.sns.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mailroom.core.delivery.MessageAttribute;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a published message offers to filter policies. Built once per publish and shared by every
 * subscription: attribute values and the parsed body are computed on first use and then cached, so a
 * fan-out to many filtered subscriptions parses nothing twice.
 */
public final class FilterInput {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, MessageAttribute> attributes;
    private final String body;
    private final Map<String, List<FieldValue>> attributeValues = new HashMap<>();
    private JsonNode parsedBody;
    private boolean bodyParsed;

    public FilterInput(Map<String, MessageAttribute> attributes, String body) {
        this.attributes = attributes;
        this.body = body;
    }

    /** Values of a message attribute; empty when absent. */
    synchronized List<FieldValue> attribute(String name) {
        return attributeValues.computeIfAbsent(name, this::attributeValuesOf);
    }

    /** Whether the attribute exists at all (Binary attributes exist but offer no values to match). */
    boolean hasAttribute(String name) {
        return attributes.containsKey(name);
    }

    /** The body as a JSON object, or null when it is not one (body-scope policies then never match). */
    synchronized JsonNode body() {
        if (!bodyParsed) {
            bodyParsed = true;
            try {
                JsonNode node = body == null ? null : JSON.readTree(body);
                parsedBody = node != null && node.isObject() ? node : null;
            } catch (Exception e) {
                parsedBody = null;
            }
        }
        return parsedBody;
    }

    private List<FieldValue> attributeValuesOf(String name) {
        MessageAttribute attribute = attributes.get(name);
        if (attribute == null) {
            return List.of();
        }
        String type = attribute.dataType();
        // AWS compares only String, String.Array and Number attributes; Binary ones are ignored.
        if (type.equals("String.Array") || type.startsWith("String.Array.")) {
            try {
                JsonNode array = JSON.readTree(attribute.stringValue());
                if (!array.isArray()) {
                    return List.of();
                }
                List<FieldValue> values = new ArrayList<>();
                array.forEach(element -> {
                    FieldValue v = scalar(element);
                    if (v != null) {
                        values.add(v);
                    }
                });
                return values;
            } catch (Exception e) {
                return List.of();
            }
        }
        if (type.startsWith("String")) {
            return List.of(new FieldValue.Text(attribute.stringValue()));
        }
        if (type.startsWith("Number")) {
            try {
                return List.of(new FieldValue.Number(Double.parseDouble(attribute.stringValue())));
            } catch (NumberFormatException e) {
                return List.of();
            }
        }
        return List.of();
    }

    static FieldValue scalar(JsonNode node) {
        if (node.isTextual()) {
            return new FieldValue.Text(node.textValue());
        }
        if (node.isNumber()) {
            return new FieldValue.Number(node.doubleValue());
        }
        if (node.isBoolean()) {
            return new FieldValue.Bool(node.booleanValue());
        }
        if (node.isNull()) {
            return FieldValue.Null.INSTANCE;
        }
        return null;
    }
}
