package io.mailroom.sns.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A compiled subscription filter policy. Parsed and validated once when set ({@link FilterPolicyParser});
 * matching walks the compiled rules only.
 */
public final class FilterPolicy {
    /** What a nested rule is matched against when the body has nothing under its key; never changed. */
    private static final JsonNode NOTHING = JsonNodeFactory.instance.objectNode();

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
            if (!(field.isLeaf() ? matchesLeaf(field, object) : matchesNested(field, object))) {
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

    private static boolean matchesLeaf(FieldRule field, JsonNode object) {
        List<FieldValue> values = new ArrayList<>(2);
        forEachNamed(field, object, values, FilterPolicy::collectLeaves);
        return field.matchesValues(values);
    }

    /** A nested rule holds when one object under the key (or in an array under it) satisfies it whole. */
    private static boolean matchesNested(FieldRule field, JsonNode object) {
        List<JsonNode> objects = new ArrayList<>(1);
        forEachNamed(field, object, objects, FilterPolicy::collectObjects);
        if (objects.isEmpty()) {
            // Nothing there: only rules satisfied by absence ({"exists": false}) can hold.
            return matchesObject(field.nested(), NOTHING);
        }
        for (JsonNode nested : objects) {
            if (matchesObject(field.nested(), nested)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Hands {@code add} each node the field's key names in a body object. AWS matches a body flattened to
     * dotted paths, so a dotted key names the value under every way of splitting it into nested keys:
     * "a.b" is {@code {"a.b": v}} and {@code {"a": {"b": v}}} alike, and "a.b.c" four shapes.
     */
    private static <T> void forEachNamed(FieldRule field, JsonNode object, T into, BiConsumer<JsonNode, T> add) {
        if (!field.dotted()) {
            JsonNode node = object.get(field.key());
            if (node != null) {
                add.accept(node, into);
            }
            return;
        }
        forEachNamed(field.key(), 0, object, into, add);
    }

    /** The nodes {@code key} from {@code from} on names in {@code object}: whole, or a field's name then a dot. */
    private static <T> void forEachNamed(String key, int from, JsonNode object, T into, BiConsumer<JsonNode, T> add) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            int end = from + name.length();
            if (!key.regionMatches(from, name, 0, name.length())) {
                continue;
            }
            if (end == key.length()) {
                add.accept(field.getValue(), into);
            } else if (key.charAt(end) == '.') {
                forEachNamedUnder(key, end + 1, field.getValue(), into, add);
            }
        }
    }

    /** Under a field: in it when it is an object, in each object of it when it is an array. */
    private static <T> void forEachNamedUnder(String key, int from, JsonNode node, T into,
                                              BiConsumer<JsonNode, T> add) {
        if (node.isObject()) {
            forEachNamed(key, from, node, into, add);
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                forEachNamedUnder(key, from, element, into, add);
            }
        }
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
