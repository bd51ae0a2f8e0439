package io.mailroom.sns.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** Builds operation outputs. */
public final class Outputs {
    private Outputs() {
    }

    public static ObjectNode empty() {
        return JsonNodeFactory.instance.objectNode();
    }

    public static ObjectNode of(String member, String value) {
        ObjectNode n = empty();
        n.put(member, value);
        return n;
    }

    public static ObjectNode attributes(String member, Map<String, String> attributes) {
        ObjectNode n = empty();
        ObjectNode map = n.putObject(member);
        attributes.forEach(map::put);
        return n;
    }
}
