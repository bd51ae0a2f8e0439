package io.mailroom.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * A parsed setup file, YAML or JSON alike, where every value remembers its {@link Position}. Scalars keep
 * their text and what YAML resolved them to, so {@code "60"} and {@code 60} can both be an attribute value
 * while {@code [60]} cannot.
 */
public sealed interface ConfigValue permits ConfigValue.Scalar, ConfigValue.Mapping, ConfigValue.Sequence {

    Position at();

    /** For messages: "a string", "a mapping", ... */
    String describeKind();

    /** The same value as a JSON tree, for JSON-valued attributes (policies) and AWS-shaped parts. */
    JsonNode toJson();

    enum Kind { STRING, INTEGER, DECIMAL, BOOLEAN, NULL }

    record Scalar(String text, Kind kind, Position at) implements ConfigValue {
        @Override
        public String describeKind() {
            return switch (kind) {
                case STRING -> "a string";
                case INTEGER, DECIMAL -> "a number";
                case BOOLEAN -> "a boolean";
                case NULL -> "null";
            };
        }

        @Override
        public JsonNode toJson() {
            JsonNodeFactory f = JsonNodeFactory.instance;
            return switch (kind) {
                case STRING -> f.textNode(text);
                case INTEGER -> f.numberNode(new BigInteger(text.replace("_", "")));
                case DECIMAL -> f.numberNode(new BigDecimal(text.replace("_", "")));
                case BOOLEAN -> f.booleanNode(Boolean.parseBoolean(text));
                case NULL -> f.nullNode();
            };
        }
    }

    /** Keys in file order; duplicates are refused by the readers. */
    record Mapping(Map<String, ConfigValue> entries, Position at) implements ConfigValue {
        @Override
        public String describeKind() {
            return "a mapping";
        }

        @Override
        public JsonNode toJson() {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            entries.forEach((k, v) -> out.set(k, v.toJson()));
            return out;
        }
    }

    record Sequence(List<ConfigValue> items, Position at) implements ConfigValue {
        @Override
        public String describeKind() {
            return "a list";
        }

        @Override
        public JsonNode toJson() {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            items.forEach(v -> out.add(v.toJson()));
            return out;
        }
    }
}
