package io.mailroom.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8TextNodeTest {
    private static final JsonFactory JSON = new JsonFactory();

    @Test
    void escapeFreeIsExactlyWhenJacksonWritesTheBytesAsTheyAre() throws IOException {
        // Every ASCII character, and some beyond, at each position of a word and of the tail.
        String[] characters = new String[130];
        for (int c = 0; c < 128; c++) {
            characters[c] = String.valueOf((char) c);
        }
        characters[128] = "\u00e9\u2028\u2713";
        characters[129] = "\ud83d\ude00";
        for (int at = 0; at < 20; at++) {
            for (String c : characters) {
                String text = "a".repeat(at) + c + "b".repeat(19 - at);
                byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
                boolean verbatim = jackson(text).equals("\"" + text + "\"");
                assertThat(Utf8TextNode.escapeFree(utf8)).as("U+%04X at %d", (int) c.charAt(0), at).isEqualTo(verbatim);
            }
        }
    }

    @Test
    void itIsATextNodeToEveryReader() throws IOException {
        String text = "caf\u00e9 \"quoted\"\t\ud83d\ude80";
        Utf8TextNode node = new Utf8TextNode(text.getBytes(StandardCharsets.UTF_8), false);
        assertThat(node.isTextual()).isTrue();
        assertThat(node.textValue()).isEqualTo(text);
        assertThat(node.asText()).isEqualTo(text);
        assertThat(node.toString()).isEqualTo(new TextNode(text).toString());
        assertThat(node).isEqualTo(new Utf8TextNode(text.getBytes(StandardCharsets.UTF_8), false))
                .hasSameHashCodeAs(new Utf8TextNode(text.getBytes(StandardCharsets.UTF_8), false))
                .isNotEqualTo(new Utf8TextNode("other".getBytes(StandardCharsets.UTF_8), true));
    }

    @Test
    void databindWritesItAsJacksonWritesTheText() {
        for (String text : new String[] {"plain", "tab\there", "back\\slash", "\u00e9\ud83d\ude00"}) {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            assertThat(new Utf8TextNode(utf8, Utf8TextNode.escapeFree(utf8)).toString())
                    .isEqualTo(new TextNode(text).toString());
        }
    }

    private static String jackson(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeString(text);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
