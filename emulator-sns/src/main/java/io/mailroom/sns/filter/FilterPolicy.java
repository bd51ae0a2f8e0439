package io.mailroom.sns.filter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A compiled subscription filter policy. Parsed and validated once when set ({@link FilterPolicyParser});
 * matching walks the compiled rules only.
 */
public final class FilterPolicy {
    private final FilterScope scope;
    private final ObjectRule root;

    FilterPolicy(FilterScope scope, ObjectRule root) {
        this.scope = scope;
        this.root = root;
    }

    public FilterScope scope() {
        return scope;
    }

    public ObjectRule root() {
        return root;
    }

    public boolean matches(FilterInput input) {
        if (scope == FilterScope.MESSAGE_ATTRIBUTES) {
            return matchesAttributes(root, input);
        }
        JsonNode body = input.body();
        return body != null && matchesObject(root, body);
    }

    private static boolean matchesAttributes(ObjectRule rule, FilterInput input) {
        for (FieldRule field : rule.fields()) {
            List<FieldValue> values = input.attribute(field.key());
            boolean ok = values.isEmpty() && input.hasAttribute(field.key())
                    // present but without comparable values (Binary, malformed array): only exists:true holds
                    ? field.conditions().stream().anyMatch(c -> c instanceof Condition.Exists e && e.exists())
                    : field.matchesValues(values);
            if (!ok) {
                return false;
            }
        }
        for (List<ObjectRule> alternatives : rule.anyOf()) {
            if (alternatives.stream().noneMatch(alt -> matchesAttributes(alt, input))) {
                return false;
            }
        }
        return true;
    }

    private static boolean matchesObject(ObjectRule rule, JsonNode object) {
        for (FieldRule field : rule.fields()) {
            JsonNode node = object.get(field.key());
            if (!(field.isLeaf() ? matchesLeaf(field, node) : matchesNested(field.nested(), node))) {
                return false;
            }
        }
        for (List<ObjectRule> alternatives : rule.anyOf()) {
            if (alternatives.stream().noneMatch(alt -> matchesObject(alt, object))) {
                return false;
            }
        }
        return true;
    }

    private static boolean matchesLeaf(FieldRule field, JsonNode node) {
        List<FieldValue> values = new ArrayList<>(2);
        if (node != null) {
            collectLeaves(node, values);
        }
        return field.matchesValues(values);
    }

    /** A nested rule holds when one object under the key (or in an array under it) satisfies it whole. */
    private static boolean matchesNested(ObjectRule nested, JsonNode node) {
        List<JsonNode> objects = new ArrayList<>(1);
        if (node != null) {
            collectObjects(node, objects);
        }
        if (objects.isEmpty()) {
            // Nothing there: only rules satisfied by absence ({"exists": false}) can hold.
            return matchesObject(nested, com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode());
        }
        for (JsonNode object : objects) {
            if (matchesObject(nested, object)) {
                return true;
            }
        }
        return false;
    }

    private static void collectLeaves(JsonNode node, List<FieldValue> out) {
        if (node.isArray()) {
            node.forEach(element -> collectLeaves(element, out));
            return;
        }
        FieldValue value = FilterInput.scalar(node);
        if (value != null) {
            out.add(value);
        }
    }

    private static void collectObjects(JsonNode node, List<JsonNode> out) {
        if (node.isObject()) {
            out.add(node);
        } else if (node.isArray()) {
            node.forEach(element -> collectObjects(element, out));
        }
    }
}
