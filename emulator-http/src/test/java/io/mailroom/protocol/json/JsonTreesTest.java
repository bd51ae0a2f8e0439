package io.mailroom.protocol.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the object mapper (the codec's previous reader and writer) makes of the same text, exactly. */
class JsonTreesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @ParameterizedTest
    @ValueSource(strings = {
            "{}", "[]", "1", "\"text\"", "true", "null", "  {\"a\" : 1 }  ",
            "{\"QueueUrl\":\"http://localhost:4566/000000000000/q\",\"MaxNumberOfMessages\":10,\"WaitTimeSeconds\":0}",
            "{\"a\":{\"b\":[1,2,{\"c\":null}],\"d\":[]},\"e\":false}",
            "{\"int\":2147483647,\"long\":2147483648,\"big\":123456789012345678901234567890,\"neg\":-9223372036854775809}",
            "{\"d\":1.5,\"e\":-0.0,\"f\":1e3,\"g\":1E-7,\"h\":1e400,\"i\":0.1}",
            "{\"s\":\"quote \\\" backslash \\\\ slash \\/ tab \\t nl \\n uni \\u00e9 \\ud83d\\ude00 nul \\u0000\"}",
            "{\"ü\":\"ñ 日本 😀\",\"ctl\":\"\\u001f\"}",
            "{\"dup\":1,\"dup\":2}",
            "[[[[[[[[[[\"deep\"]]]]]]]]]]"})
    void readsAndWritesWhatTheObjectMapperDoes(String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        JsonNode expected = MAPPER.readTree(bytes);

        JsonNode actual = read(bytes);

        assertThat(actual).isEqualTo(expected);
        assertThat(types(actual)).isEqualTo(types(expected));
        assertThat(new String(write(actual), StandardCharsets.UTF_8))
                .isEqualTo(new String(MAPPER.writeValueAsBytes(expected), StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "[1,]", "{\"a\"}", "{\"a\":1,}", "{} {}", "{}x", "[1] 2", "nul", "{'a':1}", "\"open",
            "{\"a\":01}", "]"})
    void refusesWhatTheObjectMapperRefuses(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> MAPPER.readTree(bytes)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> read(bytes)).isInstanceOf(IOException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n"})
    void noValueAtAll(String text) throws IOException {
        assertThat(read(text.getBytes(StandardCharsets.UTF_8))).isNull();
    }

    /** Jackson's default cap is 20,000,000 characters; SES v2 raw messages of 40 MB are ~54 million in base64. */
    @Test
    void aStringLongerThanJacksonsDefaultCap() throws IOException {
        byte[] bytes = new byte[20_000_010];
        Arrays.fill(bytes, (byte) 'A');
        bytes[0] = '"';
        bytes[bytes.length - 1] = '"';

        assertThat(read(bytes).textValue()).hasSize(20_000_008);
    }

    private static JsonNode read(byte[] bytes) throws IOException {
        try (JsonParser parser = JsonTrees.factory().createParser(bytes)) {
            return JsonTrees.read(parser, JsonNodeFactory.instance);
        }
    }

    private static byte[] write(JsonNode node) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator generator = JsonTrees.factory().createGenerator(out)) {
            JsonTrees.write(generator, node);
        }
        return out.toByteArray();
    }

    /** The node classes, in document order: equal trees may still differ in IntNode against LongNode. */
    private static String types(JsonNode node) {
        StringBuilder out = new StringBuilder(node.getClass().getSimpleName());
        node.forEach(child -> out.append('(').append(types(child)).append(')'));
        return out.toString();
    }
}
