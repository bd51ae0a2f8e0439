package io.mailroom.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailroom.core.error.AwsException;
import io.mailroom.core.error.CommonErrors;
import io.mailroom.core.model.Shape;
import java.util.Base64;

/** A scalar spelled as text (a Query parameter, a URI label, a query string, a header) read as its model type. */
public final class ScalarText {

    private ScalarText() {
    }

    public static JsonNode parse(Shape shape, String text, String path) {
        if (text == null) {
            return null;
        }
        try {
            return switch (shape.type()) {
                case STRING -> Canonical.NODES.textNode(text);
                case INTEGER -> Canonical.NODES.numberNode(Integer.parseInt(text.trim()));
                case LONG -> Canonical.NODES.numberNode(Long.parseLong(text.trim()));
                case FLOAT, DOUBLE -> Canonical.NODES.numberNode(Double.parseDouble(text.trim()));
                case BOOLEAN -> Canonical.NODES.booleanNode(parseBoolean(text));
                case BLOB -> {
                    Base64.getMimeDecoder().decode(text);
                    yield Canonical.NODES.textNode(text);
                }
                case TIMESTAMP -> Canonical.NODES.numberNode(Timestamps.parseToEpochSeconds(text));
                default -> throw new IllegalStateException("not a scalar: " + shape);
            };
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw invalidValue(path, text);
        }
    }

    private static boolean parseBoolean(String text) {
        if ("true".equalsIgnoreCase(text)) {
            return true;
        }
        if ("false".equalsIgnoreCase(text)) {
            return false;
        }
        throw new IllegalArgumentException(text);
    }

    private static AwsException invalidValue(String path, String text) {
        return CommonErrors.INVALID_PARAMETER_VALUE.exception("Value (%s) for parameter %s is invalid.", text, path);
    }
}
