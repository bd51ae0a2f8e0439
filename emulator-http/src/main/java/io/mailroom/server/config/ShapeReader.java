package io.mailroom.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.model.Member;
import io.mailroom.core.model.Shape;
import java.math.BigDecimal;
import java.util.Map;
import java.util.function.BinaryOperator;

/**
 * Reads a part of the file that is written in an API's own shape (a receipt rule) into the canonical
 * input tree, checked against the service model: unknown members and wrong types are reported with their
 * line, as in the rest of the file.
 */
final class ShapeReader {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** member name, value → value to use: resolves names the file may give instead of ARNs. */
    private final BinaryOperator<String> strings;

    ShapeReader(BinaryOperator<String> strings) {
        this.strings = strings;
    }

    JsonNode read(Shape shape, ConfigValue value, String memberName) {
        if (value instanceof ConfigValue.Scalar s && s.kind() == ConfigValue.Kind.NULL) {
            return F.nullNode();
        }
        return switch (shape.type()) {
            case STRUCTURE -> shape.isDocument() ? value.toJson() : structure(shape, value);
            case LIST -> {
                ArrayNode out = F.arrayNode();
                for (ConfigValue item : Fields.sequence(value)) {
                    out.add(read(shape.listMember().shape(), item, memberName));
                }
                yield out;
            }
            case MAP -> {
                ObjectNode out = F.objectNode();
                Fields.mapping(value, memberName).entries().forEach((k, v) ->
                        out.set(k, read(shape.mapValue().shape(), v, k)));
                yield out;
            }
            case BOOLEAN -> F.booleanNode(Fields.bool(value));
            case INTEGER, LONG -> F.numberNode(Long.parseLong(number(value, ConfigValue.Kind.INTEGER)));
            case FLOAT, DOUBLE -> F.numberNode(new BigDecimal(number(value, ConfigValue.Kind.DECIMAL)));
            default -> F.textNode(strings.apply(memberName, Fields.text(value)));
        };
    }

    private ObjectNode structure(Shape shape, ConfigValue value) {
        ObjectNode out = F.objectNode();
        for (Map.Entry<String, ConfigValue> e : Fields.mapping(value, shape.name()).entries().entrySet()) {
            Member member = shape.member(e.getKey());
            if (member == null) {
                throw e.getValue().at().error("unknown member of " + shape.name() + "; expected one of: "
                        + String.join(", ", shape.members().keySet()));
            }
            out.set(e.getKey(), read(member.shape(), e.getValue(), e.getKey()));
        }
        return out;
    }

    private static String number(ConfigValue value, ConfigValue.Kind widest) {
        if (value instanceof ConfigValue.Scalar s && (s.kind() == ConfigValue.Kind.INTEGER || s.kind() == widest)) {
            return s.text();
        }
        throw value.at().error("must be a number, not " + value.describeKind());
    }
}
