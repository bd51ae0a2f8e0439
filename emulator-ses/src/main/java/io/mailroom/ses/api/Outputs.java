package io.mailroom.ses.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.Map;

/** Building the canonical output tree (timestamps as epoch seconds). */
public final class Outputs {
    private Outputs() {
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    public static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    public static ArrayNode strings(Collection<String> values) {
        ArrayNode a = array();
        values.forEach(a::add);
        return a;
    }

    /** An epoch-seconds timestamp (the canonical form) from epoch millis. */
    public static void timestamp(ObjectNode out, String member, long millis) {
        out.put(member, millis / 1000.0);
    }

    public static void putIfNotNull(ObjectNode out, String member, String value) {
        if (value != null) {
            out.put(member, value);
        }
    }

    /** A list of {@code {keyName: k, valueName: v}}. */
    public static ArrayNode pairs(Map<String, String> values, String keyName, String valueName) {
        ArrayNode a = array();
        values.forEach((k, v) -> a.addObject().put(keyName, k).put(valueName, v));
        return a;
    }
}
