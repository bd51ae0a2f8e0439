package io.mailroom.sns.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.sns.topic.TagSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads members of an operation's canonical input tree. */
public final class Inputs {
    private Inputs() {
    }

    public static String text(ObjectNode in, String member) {
        JsonNode n = in.get(member);
        return n == null || n.isNull() ? null : n.asText();
    }

    public static boolean bool(ObjectNode in, String member) {
        JsonNode n = in.get(member);
        return n != null && (n.isBoolean() ? n.booleanValue() : n.asText().equalsIgnoreCase("true"));
    }

    public static Integer integer(ObjectNode in, String member) {
        JsonNode n = in.get(member);
        return n == null || n.isNull() ? null : n.asInt();
    }

    public static Map<String, String> stringMap(ObjectNode in, String member) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode n = in.get(member);
        if (n != null && n.isObject()) {
            n.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
        }
        return out;
    }

    public static List<String> stringList(ObjectNode in, String member) {
        List<String> out = new ArrayList<>();
        JsonNode n = in.get(member);
        if (n != null && n.isArray()) {
            n.forEach(e -> out.add(e.asText()));
        }
        return out;
    }

    public static List<TagSet.Tag> tags(ObjectNode in, String member) {
        List<TagSet.Tag> out = new ArrayList<>();
        JsonNode n = in.get(member);
        if (n != null && n.isArray()) {
            n.forEach(t -> out.add(new TagSet.Tag(t.path("Key").asText(null),
                    t.hasNonNull("Value") ? t.get("Value").asText() : "")));
        }
        return out;
    }
}
