package io.mailroom.protocol.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.text.Utf8TextNode;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link JsonCodec#encode} writes exactly what Jackson's own serialisation writes, shortcut or not. */
class JsonCodecEncodeTest {
    /** What the codec wrote before it had its own tree writer, and so what clients have always seen. */
    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = new com.fasterxml.jackson.databind.ObjectMapper();

    private static final String PLAIN = "a".repeat(100);

    private static void assertSameAsJackson(String text) throws Exception {
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        tree.put("Body", text);
        tree.putArray("Messages").addObject().put("Body", text).put("Id", "m1");
        byte[] expected = MAPPER.writeValueAsBytes(tree);
        assertThat(JsonCodec.encode(tree)).isEqualTo(expected);
        // Stored message bodies are UTF-8 nodes (well-formed only: no unpaired surrogates), copied or escaped.
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (new String(utf8, StandardCharsets.UTF_8).equals(text)) {
            for (boolean escapeFree : new boolean[] {Utf8TextNode.escapeFree(utf8), false}) {
                ObjectNode stored = JsonNodeFactory.instance.objectNode();
                stored.set("Body", new Utf8TextNode(utf8, escapeFree));
                stored.putArray("Messages").addObject().put("Body", text).put("Id", "m1")
                        .set("Body", new Utf8TextNode(utf8, escapeFree));
                assertThat(JsonCodec.encode(stored)).as("UTF-8 node, escapeFree=%s", escapeFree).isEqualTo(expected);
            }
        }
    }

    @Test
    void plainAsciiOfAnyLength() throws Exception {
        for (int length : new int[] {0, 1, 63, 64, 65, 1024, 9000, 70_000}) {
            assertSameAsJackson("x".repeat(length));
        }
    }

    @Test
    void charactersJacksonEscapesAnywhereInALongString() throws Exception {
        for (String special : new String[] {"\"", "\\", "\n", "\t", "\r", "\u0000", "\u001f", "\u007f", "/", "?", "<"}) {
            assertSameAsJackson(special + PLAIN);
            assertSameAsJackson(PLAIN + special + PLAIN);
            assertSameAsJackson(PLAIN + special);
        }
    }

    @Test
    void charactersJacksonEscapesAtEveryPositionOfAWord() throws Exception {
        // The plain-text check reads eight bytes at a time: a stop must be seen in every lane and in the tail.
        for (String special : new String[] {"\"", "\\", "\n", "\u0000", "\u001f", "?", "\uD800", "é"}) {
            for (int at = 0; at <= 83; at++) {
                assertSameAsJackson("b".repeat(at) + special + "c".repeat(83 - at));
            }
        }
    }

    @Test
    void neighboursOfTheStopCharactersCopyVerbatim() throws Exception {
        // One below and one above each stop, where a wrong mask would misfire: ' ' '!' '#' '>' '@' '[' ']' DEL.
        for (String neighbour : new String[] {" ", "!", "#", ">", "@", "[", "]", "\u007f", "\u0001"}) {
            assertSameAsJackson(neighbour.repeat(100));
            assertSameAsJackson("a" + neighbour.repeat(70) + "\u0000");
        }
    }

    @Test
    void nonAsciiCharactersAndSurrogatePairs() throws Exception {
        assertSameAsJackson(PLAIN + "é" + PLAIN);
        assertSameAsJackson(PLAIN + "€ ✓ 日本" + PLAIN);
        assertSameAsJackson(PLAIN + "\uD83D\uDE00" + PLAIN); // 😀
        assertSameAsJackson("\u00ff".repeat(200)); // Latin-1 but not ASCII
    }

    @Test
    void unpairedSurrogatesAreLeftToJackson() throws Exception {
        // getBytes turns them into '?', which must not reach the output in their place.
        for (String lone : new String[] {"\uD800", "\uDFFF"}) {
            assertSameAsJackson(PLAIN + lone + PLAIN);
            assertSameAsJackson(PLAIN + lone);
            assertSameAsJackson(lone + PLAIN);
        }
    }

    @Test
    void randomStringsOfPrintableAndSpecialCharacters() throws Exception {
        Random random = new Random(7);
        char[] alphabet = "abcXYZ019 ?\"\\\n\té€\uD83D\uDE00{}".toCharArray();
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < 500; i++) {
            StringBuilder s = new StringBuilder();
            int length = 60 + random.nextInt(200);
            while (s.length() < length) {
                char c = alphabet[random.nextInt(alphabet.length)];
                s.append(c);
                if (Character.isHighSurrogate(c)) {
                    s.append('\uDE00');
                } else if (Character.isLowSurrogate(c)) {
                    s.setLength(s.length() - 1);
                }
            }
            list.add(s.toString());
        }
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        tree.set("Strings", list);
        assertThat(JsonCodec.encode(tree)).isEqualTo(MAPPER.writeValueAsBytes(tree));
    }
}
