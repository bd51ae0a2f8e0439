package io.mailroom.ses.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading the canonical input tree (model member names; blobs base64; lists arrays; maps objects). */
public final class Inputs {
    private Inputs() {
    }

    public static String text(JsonNode in, String member) {
        JsonNode n = in == null ? null : in.get(member);
        return n == null || n.isNull() ? null : n.asText();
    }

    public static String text(JsonNode in, String member, String fallback) {
        String t = text(in, member);
        return t == null ? fallback : t;
    }

    public static Boolean bool(JsonNode in, String member) {
        JsonNode n = in == null ? null : in.get(member);
        return n == null || n.isNull() ? null : n.asBoolean();
    }

    public static boolean bool(JsonNode in, String member, boolean fallback) {
        Boolean b = bool(in, member);
        return b == null ? fallback : b;
    }

    public static Long number(JsonNode in, String member) {
        JsonNode n = in == null ? null : in.get(member);
        return n == null || n.isNull() ? null : n.asLong();
    }

    public static JsonNode node(JsonNode in, String member) {
        JsonNode n = in == null ? null : in.get(member);
        return n == null || n.isNull() ? null : n;
    }

    public static ObjectNode object(JsonNode in, String member) {
        JsonNode n = node(in, member);
        return n instanceof ObjectNode o ? o : null;
    }

    public static List<String> strings(JsonNode in, String member) {
        List<String> out = new ArrayList<>();
        JsonNode n = node(in, member);
        if (n != null) {
            n.forEach(v -> out.add(v.asText()));
        }
        return out;
    }

    public static byte[] blob(JsonNode in, String member) {
        String t = text(in, member);
        return t == null ? null : Base64.getMimeDecoder().decode(t);
    }

    /** A list of {@code {Name, Value}} (or {@code {Key, Value}}) structures as an ordered map. */
    public static Map<String, String> pairs(JsonNode in, String member, String keyName, String valueName) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode n = node(in, member);
        if (n != null) {
            n.forEach(p -> out.put(p.path(keyName).asText(), p.path(valueName).asText()));
        }
        return out;
    }

    /** Page size / MaxItems: absent → fallback. */
    public static int pageSize(JsonNode in, String member, int fallback) {
        Long n = number(in, member);
        return n == null ? fallback : n.intValue();
    }
}
