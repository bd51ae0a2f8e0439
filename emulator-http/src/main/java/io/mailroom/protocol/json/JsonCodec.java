package io.mailroom.protocol.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.error.AwsException;
import io.mailroom.core.error.CommonErrors;
import io.mailroom.core.model.Member;
import io.mailroom.core.model.Shape;
import io.mailroom.protocol.Canonical;
import io.mailroom.protocol.InputPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;

/**
 * The AWS JSON protocols: the body already is the canonical tree; decoding checks each member's
 * JSON type against the model, as AWS's deserializer does.
 */
public final class JsonCodec {
    private static final JsonFactory FACTORY = JsonTrees.factory();
    /**
     * Jackson 2.16 lends buffer recyclers from a pool, to be given back; 2.15, which embedding applications
     * still pin (Spring Boot 3.1 and 3.2 do), keeps one per thread and has no {@code releaseToPool}. The call
     * below is linked only when it runs, so the older Jackson never meets it.
     */
    private static final boolean POOLED_RECYCLERS = hasReleaseToPool();

    private JsonCodec() {
    }

    public static ObjectNode decode(Shape input, byte[] body, int offset, int length) {
        JsonNode tree;
        if (length == 0) {
            tree = Canonical.NODES.objectNode();
        } else {
            try (JsonParser parser = FACTORY.createParser(body, offset, length)) {
                tree = JsonTrees.read(parser, Canonical.NODES);
            } catch (IOException e) {
                throw CommonErrors.SERIALIZATION.exception("Could not parse the request body as JSON.");
            }
        }
        if (tree == null || tree.isMissingNode()) {
            tree = Canonical.NODES.objectNode();
        }
        if (!tree.isObject()) {
            throw CommonErrors.SERIALIZATION.exception("The request body must be a JSON object.");
        }
        if (input != null) {
            checkStructure(input, tree, InputPath.ROOT);
        }
        return (ObjectNode) tree;
    }

    public static byte[] encode(JsonNode output) {
        if (output == null) {
            return "{}".getBytes(StandardCharsets.UTF_8);
        }
        BufferRecycler recycler = FACTORY._getBufferRecycler();
        try (ByteArrayBuilder bytes = new ByteArrayBuilder(recycler)) {
            // Through a generator that copies plain message bodies whole, not a character at a time.
            try (JsonGenerator generator = new VerbatimStringGenerator(FACTORY.createGenerator(bytes, JsonEncoding.UTF8))) {
                JsonTrees.write(generator, output);
            }
            byte[] result = bytes.toByteArray();
            bytes.release();
            return result;
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON response", e);
        } finally {
            if (POOLED_RECYCLERS) {
                recycler.releaseToPool();
            }
        }
    }

    private static boolean hasReleaseToPool() {
        try {
            BufferRecycler.class.getMethod("releaseToPool");
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static void checkStructure(Shape shape, JsonNode node, InputPath path) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            Member member = shape.member(e.getKey());
            if (member != null && !e.getValue().isNull()) {
                checkValue(member.shape(), e.getValue(), path.child(e.getKey()));
            }
        }
    }

    private static void checkValue(Shape shape, JsonNode value, InputPath path) {
        boolean ok = switch (shape.type()) {
            case STRUCTURE -> value.isObject();
            case LIST -> value.isArray();
            case MAP -> value.isObject();
            case STRING -> value.isTextual();
            case INTEGER -> value.isIntegralNumber() && value.canConvertToInt();
            case LONG -> value.isIntegralNumber() && value.canConvertToLong();
            case FLOAT, DOUBLE -> value.isNumber();
            case BOOLEAN -> value.isBoolean();
            case BLOB -> value.isTextual() && isBase64(value.asText());
            case TIMESTAMP -> value.isNumber() || value.isTextual();
        };
        if (!ok) {
            throw mismatch(shape, path);
        }
        switch (shape.type()) {
            case STRUCTURE -> {
                if (!shape.isDocument()) {
                    checkStructure(shape, value, path);
                }
            }
            case LIST -> {
                for (JsonNode element : value) {
                    if (!element.isNull()) {
                        checkValue(shape.listMember().shape(), element, path.listMember());
                    }
                }
            }
            case MAP -> {
                Iterator<Map.Entry<String, JsonNode>> entries = value.fields();
                while (entries.hasNext()) {
                    Map.Entry<String, JsonNode> entry = entries.next();
                    if (!entry.getValue().isNull()) {
                        checkValue(shape.mapValue().shape(), entry.getValue(), path.child(entry.getKey()));
                    }
                }
            }
            default -> {
            }
        }
    }

    private static boolean isBase64(String text) {
        try {
            Base64.getDecoder().decode(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static AwsException mismatch(Shape shape, InputPath path) {
        String expected = switch (shape.type()) {
            case STRUCTURE, MAP -> "a JSON object";
            case LIST -> "a JSON array";
            case STRING -> "a string";
            case INTEGER, LONG -> "an integer";
            case FLOAT, DOUBLE -> "a number";
            case BOOLEAN -> "a boolean";
            case BLOB -> "a base64-encoded string";
            case TIMESTAMP -> "a timestamp";
        };
        return CommonErrors.SERIALIZATION.exception("Value at '%s' must be %s.", path, expected);
    }
}
