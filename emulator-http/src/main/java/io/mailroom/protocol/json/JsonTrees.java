package io.mailroom.protocol.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.text.Utf8TextNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON text to and from Jackson trees with the streaming parser and generator alone, as
 * {@code ObjectMapper.readTree} and {@code writeValueAsBytes} would produce them: the same node types
 * (int, long or big integer by size; double for decimals), the last of duplicate keys, nothing allowed
 * after the root value. Without the object mapper, answering a request needs a tenth of Jackson's
 * classes, which start-up would otherwise load, and no deserialization context per call.
 */
final class JsonTrees {

    private JsonTrees() {
    }

    /**
     * @return the root value, or null for a body with no value at all (only whitespace)
     * @throws IOException for anything that is not one JSON value
     */
    static JsonNode read(JsonParser parser, JsonNodeFactory nodes) throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            return null;
        }
        JsonNode root = value(parser, first, nodes);
        if (parser.nextToken() != null) {
            throw new IOException("trailing content after the JSON value");
        }
        return root;
    }

    private static JsonNode value(JsonParser parser, JsonToken token, JsonNodeFactory nodes) throws IOException {
        return switch (token) {
            case START_OBJECT -> object(parser, nodes);
            case START_ARRAY -> array(parser, nodes);
            case VALUE_STRING -> nodes.textNode(parser.getText());
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> nodes.numberNode(parser.getIntValue());
                case LONG -> nodes.numberNode(parser.getLongValue());
                default -> nodes.numberNode(parser.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> nodes.numberNode(parser.getDoubleValue());
            case VALUE_TRUE -> nodes.booleanNode(true);
            case VALUE_FALSE -> nodes.booleanNode(false);
            case VALUE_NULL -> nodes.nullNode();
            default -> throw new IOException("unexpected " + token);
        };
    }

    private static ObjectNode object(JsonParser parser, JsonNodeFactory nodes) throws IOException {
        ObjectNode object = nodes.objectNode();
        String name;
        while ((name = parser.nextFieldName()) != null) {
            object.set(name, value(parser, parser.nextToken(), nodes));
        }
        if (parser.currentToken() != JsonToken.END_OBJECT) {
            throw new IOException("unexpected " + parser.currentToken());
        }
        return object;
    }

    private static ArrayNode array(JsonParser parser, JsonNodeFactory nodes) throws IOException {
        ArrayNode array = nodes.arrayNode();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
                throw new IOException("unexpected end of input");
            }
            array.add(value(parser, token, nodes));
        }
        return array;
    }

    static void write(JsonGenerator out, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                out.writeStartObject();
                Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    out.writeFieldName(field.getKey());
                    write(out, field.getValue());
                }
                out.writeEndObject();
            }
            case ARRAY -> {
                out.writeStartArray();
                for (JsonNode element : node) {
                    write(out, element);
                }
                out.writeEndArray();
            }
            case STRING -> {
                if (node instanceof Utf8TextNode utf8 && utf8.escapeFree()) {
                    out.writeRawUTF8String(utf8.utf8(), 0, utf8.utf8().length);
                } else {
                    out.writeString(node.textValue());
                }
            }
            case NUMBER -> {
                switch (node.numberType()) {
                    case INT -> out.writeNumber(node.intValue());
                    case LONG -> out.writeNumber(node.longValue());
                    case BIG_INTEGER -> out.writeNumber(node.bigIntegerValue());
                    case FLOAT -> out.writeNumber(node.floatValue());
                    case BIG_DECIMAL -> out.writeNumber(node.decimalValue());
                    default -> out.writeNumber(node.doubleValue());
                }
            }
            case BOOLEAN -> out.writeBoolean(node.booleanValue());
            case NULL, MISSING -> out.writeNull();
            case BINARY -> out.writeBinary(node.binaryValue());
            default -> throw new IOException("cannot write a " + node.getNodeType() + " node as JSON");
        }
    }

    /**
     * The factory both directions use: Jackson's defaults, but for the length of one string value, which
     * Jackson caps at 20,000,000 characters and the server's body limit already bounds: SES v2 takes raw
     * messages of up to 40 MB, which its JSON carries as one base64 string of up to ~54 million characters.
     */
    static JsonFactory factory() {
        return Holder.FACTORY;
    }

    private static final class Holder {
        static final JsonFactory FACTORY = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
                .build();
    }
}
