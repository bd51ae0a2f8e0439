package io.mailroom.protocol.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.error.CommonErrors;
import io.mailroom.core.model.Member;
import io.mailroom.core.model.Shape;
import io.mailroom.protocol.Canonical;
import io.mailroom.protocol.ScalarText;
import java.util.List;
import java.util.Map;

/**
 * Decodes AWS Query parameters into the canonical tree, following the model's naming rules
 * ({@code locationName}, flattened lists and maps). Clients differ in how they spell lists and maps
 * ({@code Attribute.1.Name}, {@code AttributeNames.member.1}, {@code Tags.entry.1.key}); every spelling
 * a real client sends is accepted.
 */
public final class QueryDecoder {

    private QueryDecoder() {
    }

    public static ObjectNode decode(Shape input, Map<String, List<String>> params) {
        ObjectNode out = Canonical.NODES.objectNode();
        if (input != null) {
            decodeStructure(input, ParamTree.of(params), out, "");
        }
        return out;
    }

    private static void decodeStructure(Shape shape, ParamTree node, ObjectNode out, String path) {
        for (Member member : shape.members().values()) {
            ParamTree child = find(node, member);
            if (child == null) {
                continue;
            }
            JsonNode value = decodeValue(member, member.shape(), child, path + member.name());
            if (value != null) {
                out.set(member.name(), value);
            }
        }
    }

    private static ParamTree find(ParamTree node, Member member) {
        Shape shape = member.shape();
        if (shape.type() == io.mailroom.core.model.ShapeType.LIST && member.isFlattened()) {
            ParamTree byElementName = node.get(shape.listMember().locationName());
            if (byElementName != null) {
                return byElementName;
            }
        }
        ParamTree found = node.get(member.locationName());
        if (found == null) {
            found = node.get(shape.locationName());
        }
        return found != null ? found : node.get(member.name());
    }

    private static JsonNode decodeValue(Member member, Shape shape, ParamTree node, String path) {
        switch (shape.type()) {
            case STRUCTURE -> {
                ObjectNode struct = Canonical.NODES.objectNode();
                decodeStructure(shape, node, struct, path + ".");
                return struct;
            }
            case LIST -> {
                ArrayNode list = Canonical.NODES.arrayNode();
                ParamTree items = node.get("member") != null ? node.get("member") : node;
                Member element = shape.listMember();
                if (!items.hasChildren() && "".equals(items.value())) {
                    return list; // "Names=" is how the Query protocol sends an empty list
                }
                for (ParamTree item : elements(items)) {
                    JsonNode value = decodeValue(element, element.shape(), item, path + ".member");
                    if (value != null) {
                        list.add(value);
                    }
                }
                return list;
            }
            case MAP -> {
                ObjectNode map = Canonical.NODES.objectNode();
                ParamTree entries = node.get("entry") != null ? node.get("entry") : node;
                for (ParamTree entry : elements(entries)) {
                    ParamTree key = firstPresent(entry, shape.mapKey().locationName(), "key", "Name", "Key");
                    ParamTree value = firstPresent(entry, shape.mapValue().locationName(), "value", "Value");
                    if (key == null || key.value() == null) {
                        continue;
                    }
                    if (value == null) {
                        throw CommonErrors.INVALID_PARAMETER_VALUE.exception(
                                "The request must contain a value for %s.%s", path, key.value());
                    }
                    JsonNode decoded = decodeValue(shape.mapValue(), shape.mapValue().shape(), value,
                            path + "." + key.value());
                    if (decoded != null) {
                        map.set(key.value(), decoded);
                    }
                }
                return map;
            }
            default -> {
                return ScalarText.parse(shape, node.value(), path);
            }
        }
    }

    /**
     * The numbered elements of a list or map; without numbers, the parameter itself is the one element.
     * AWS's own Query samples send {@code AttributeName=All}, and older clients set one queue attribute as
     * {@code Attribute.Name=VisibilityTimeout&Attribute.Value=30}
     * (<a href="https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ReceiveMessage.html">ReceiveMessage</a>).
     */
    private static List<ParamTree> elements(ParamTree node) {
        List<ParamTree> indexed = node.indexed();
        if (!indexed.isEmpty() || (node.value() == null && !node.hasChildren())) {
            return indexed;
        }
        return List.of(node);
    }

    private static ParamTree firstPresent(ParamTree node, String... names) {
        for (String name : names) {
            ParamTree child = node.get(name);
            if (child != null) {
                return child;
            }
        }
        return null;
    }

}
