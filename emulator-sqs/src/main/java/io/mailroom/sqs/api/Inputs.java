package io.mailroom.sqs.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.sqs.SqsErrors;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading the canonical request tree (already type-checked by the front end). */
final class Inputs {
    private Inputs() {
    }

    static String text(ObjectNode input, String member) {
        JsonNode n = input.get(member);
        return n == null || n.isNull() ? null : n.asText();
    }

    static String requiredText(ObjectNode input, String member) {
        String s = text(input, member);
        if (s == null) {
            throw SqsErrors.MISSING_PARAMETER.exception("The request must contain the parameter %s.", member);
        }
        return s;
    }

    static Integer integer(ObjectNode input, String member) {
        JsonNode n = input.get(member);
        return n == null || n.isNull() ? null : n.asInt();
    }

    static List<String> strings(JsonNode input, String member) {
        JsonNode n = input.get(member);
        if (n == null || !n.isArray()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(n.size());
        n.forEach(e -> out.add(e.asText()));
        return out;
    }

    static Map<String, String> stringMap(ObjectNode input, String member) {
        JsonNode n = input.get(member);
        if (n == null || !n.isObject()) {
            return Collections.emptyMap();
        }
        Map<String, String> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = n.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText());
        }
        return out;
    }

    /** An integer parameter within bounds, with SQS's wording when it is not. */
    static Integer bounded(ObjectNode input, String member, int min, int max) {
        Integer v = integer(input, member);
        if (v != null && (v < min || v > max)) {
            throw SqsErrors.INVALID_PARAMETER_VALUE.exception(
                    "Value %d for parameter %s is invalid. Reason: Must be between %d and %d, if provided.",
                    v, member, min, max);
        }
        return v;
    }
}
