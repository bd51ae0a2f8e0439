package io.mailroom.http.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;

/**
 * JSON spaced as LocalStack writes it (Python's {@code json.dumps}: {@code ", "} and {@code ": "}), for
 * its readiness endpoints: CI scripts check them with {@code grep '"sqs": "running"'} as often as with jq.
 */
final class LocalStackJson {
    private static final ObjectWriter WRITER = new ObjectMapper().writer(new PythonSpacing());

    private LocalStackJson() {
    }

    static byte[] encode(JsonNode value) {
        try {
            return WRITER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private static final class PythonSpacing extends MinimalPrettyPrinter {
        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }
    }
}
