package io.mailroom.protocol.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.error.AwsException;
import io.mailroom.core.model.Member;
import io.mailroom.core.model.OperationModel;
import io.mailroom.core.model.Shape;
import io.mailroom.core.model.ShapeType;
import io.mailroom.protocol.Canonical;
import io.mailroom.protocol.EncodedResponse;
import io.mailroom.protocol.Timestamps;
import io.mailroom.protocol.json.JsonCodec;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * AWS REST-JSON: members bound to the URI, the query string and headers; the rest is the JSON body.
 * Errors carry their type in {@code x-amzn-ErrorType} and a {@code message} in the body.
 */
public final class RestJsonCodec {

    private RestJsonCodec() {
    }

    public static ObjectNode decode(OperationModel operation, Map<String, String> labels,
                                    Map<String, List<String>> query, Function<String, String> headers,
                                    byte[] body) {
        Shape input = operation.input();
        if (input == null) {
            return Canonical.NODES.objectNode();
        }
        ObjectNode tree = JsonCodec.decode(input, body, 0, body.length);
        for (Member member : input.members().values()) {
            String location = member.location();
            if (location == null) {
                continue;
            }
            tree.remove(member.name());
            String wire = member.wireName();
            switch (location) {
                case "uri" -> {
                    String value = labels.get(wire);
                    if (value != null) {
                        tree.set(member.name(), BoundValues.parse(member, List.of(value)));
                    }
                }
                case "querystring" -> bindQuery(tree, member, query);
                case "header" -> {
                    String value = headers.apply(wire);
                    if (value != null) {
                        tree.set(member.name(), BoundValues.parse(member, List.of(value)));
                    }
                }
                default -> {
                }
            }
        }
        return tree;
    }

    private static void bindQuery(ObjectNode tree, Member member, Map<String, List<String>> query) {
        Shape shape = member.shape();
        if (shape.type() == ShapeType.MAP) {
            // A map bound to the query string takes every parameter not bound to another member.
            return;
        }
        BoundValues.bind(tree, member, query.get(member.wireName()));
    }

    public static EncodedResponse success(OperationModel operation, JsonNode output) {
        Shape shape = operation.output();
        Map<String, String> headers = new LinkedHashMap<>();
        ObjectNode body = Canonical.NODES.objectNode();
        if (shape != null && output != null) {
            Iterator<Map.Entry<String, JsonNode>> fields = output.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                Member member = shape.member(field.getKey());
                if (member != null && "header".equals(member.location())) {
                    JsonNode v = field.getValue();
                    headers.put(member.wireName(), member.shape().type() == ShapeType.TIMESTAMP
                            ? Timestamps.iso(v.asDouble()) : v.asText());
                } else if (member != null && member.location() == null) {
                    body.set(field.getKey(), field.getValue());
                }
            }
        }
        return new EncodedResponse(operation.successCode(), "application/json", JsonCodec.encode(body), headers);
    }

    public static EncodedResponse error(AwsException error) {
        ObjectNode body = Canonical.NODES.objectNode();
        body.put("message", error.getMessage());
        return new EncodedResponse(error.error().status(), "application/json", JsonCodec.encode(body),
                Map.of("x-amzn-ErrorType", error.error().type()));
    }
}
