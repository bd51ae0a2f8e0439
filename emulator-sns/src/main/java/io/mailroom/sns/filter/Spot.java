package io.mailroom.sns.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Where AWS's filter policy parser stood when it found a policy malformed. AWS re-writes the policy
 * without whitespace, compiles it with a streaming JSON parser and ends each syntax error with that
 * parser's position, as Jackson words it: {@code \n at [Source: (String)"{"key_a":"value_one"}"; line: 1,
 * column: 11]}. The column follows what the parser had read, which runs ahead unevenly: a string up to its
 * opening quote until its text is asked for, a number, {@code true}, {@code false} or {@code null} whole,
 * a bracket alone, and after a field name the first token of its value as well.
 *
 * @param container the object or array the spot is in, by identity (a parsed tree shares no container)
 * @param step      the key or index of the value there; null for the container's own end
 */
record Spot(JsonNode container, Object step, Reach reach) {
    /** Jackson quotes at most this much of the source, then counts what it left out. */
    private static final int MAX_QUOTED = 500;

    /** How much of the value the parser had read. */
    enum Reach { FIRST_TOKEN, WHOLE_VALUE, CLOSING_BRACKET }

    /** The parser has just met the value: its first token read (of a string, the opening quote). */
    static Spot at(JsonNode container, String key) {
        return new Spot(container, key, Reach.FIRST_TOKEN);
    }

    static Spot at(JsonNode container, int index) {
        return new Spot(container, index, Reach.FIRST_TOKEN);
    }

    /** The parser has read the whole value (a string, once its text was asked for). */
    static Spot after(JsonNode container, int index) {
        return new Spot(container, index, Reach.WHOLE_VALUE);
    }

    static Spot after(JsonNode container, String key) {
        return new Spot(container, key, Reach.WHOLE_VALUE);
    }

    /** The parser has read the object or array through its closing bracket. */
    static Spot end(JsonNode container) {
        return new Spot(container, null, Reach.CLOSING_BRACKET);
    }

    /** What AWS appends to the error for this spot in {@code root}; empty should the spot not be in it. */
    String describeIn(JsonNode root) {
        Compact compact = new Compact(this);
        compact.write(root);
        if (compact.read < 0) {
            return "";
        }
        String text = compact.text.toString();
        String source = text.length() <= MAX_QUOTED ? "\"" + text + "\""
                : "\"" + text.substring(0, MAX_QUOTED) + "\"[truncated " + (text.length() - MAX_QUOTED) + " chars]";
        return "\n at [Source: (String)" + source + "; line: 1, column: " + (compact.read + 1) + "]";
    }

    /** Writes a tree as Jackson does without whitespace, noting how far the parser had read at the spot. */
    private static final class Compact {
        private final Spot spot;
        private final StringBuilder text = new StringBuilder();
        private int read = -1;

        Compact(Spot spot) {
            this.spot = spot;
        }

        void write(JsonNode node) {
            if (node.isObject()) {
                text.append('{');
                Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    text.append(TextNode.valueOf(field.getKey())).append(':');
                    value(node, field.getKey(), field.getValue());
                    text.append(fields.hasNext() ? "," : "");
                }
                text.append('}');
            } else if (node.isArray()) {
                text.append('[');
                for (int i = 0; i < node.size(); i++) {
                    text.append(i == 0 ? "" : ",");
                    value(node, i, node.get(i));
                }
                text.append(']');
            } else {
                text.append(node);
            }
            if (spot.reach == Reach.CLOSING_BRACKET && spot.container == node) {
                read = text.length();
            }
        }

        private void value(JsonNode container, Object step, JsonNode value) {
            int start = text.length();
            write(value);
            if (spot.container == container && step.equals(spot.step)) {
                // A first token is one character for a string or a bracket, the whole of any other value.
                read = spot.reach == Reach.FIRST_TOKEN && (value.isContainerNode() || value.isTextual())
                        ? start + 1
                        : text.length();
            }
        }
    }
}
