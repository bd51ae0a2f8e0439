package io.mailroom.core.text;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ValueNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A JSON string kept as the UTF-8 bytes it was stored in. Message bodies are held as UTF-8 (their size
 * and digests are taken of those bytes), and an answer carries up to ten of them of up to 256 KiB each:
 * a JSON writer that knows this node copies the bytes between quotes without making a {@link String} of
 * them and encoding it again. Everywhere else it is an ordinary text node.
 */
public final class Utf8TextNode extends ValueNode {
    private static final long serialVersionUID = 1L;

    private final byte[] utf8;
    private final boolean escapeFree;

    /**
     * @param utf8       well-formed UTF-8 (not copied: it must not change)
     * @param escapeFree what {@link #escapeFree(byte[])} says of {@code utf8}, if the caller knows it already
     */
    public Utf8TextNode(byte[] utf8, boolean escapeFree) {
        this.utf8 = utf8;
        this.escapeFree = escapeFree;
    }

    /**
     * Whether Jackson's JSON writer leaves every byte alone between quotes, so that copying them gives
     * its output byte for byte: no control character, quotation mark or reverse solidus (the characters
     * JSON must escape, RFC 8259 section 7), and no character beyond the Basic Multilingual Plane, which
     * Jackson writes as two escaped surrogates, backslash-u and four hex digits each (its default; the feature
     * {@code COMBINE_UNICODE_SURROGATES_IN_UTF8} is off). Other non-ASCII characters it writes as UTF-8.
     */
    public static boolean escapeFree(byte[] utf8) {
        int i = 0;
        for (int lastWord = utf8.length - AsciiWords.BYTES; i <= lastWord; i += AsciiWords.BYTES) {
            long word = AsciiWords.read(utf8, i);
            // below() also flags every byte from 0xA0 up, 0xF0 and up among them: flagged words are checked bytewise.
            if ((AsciiWords.below(word, ' ') | AsciiWords.equalTo(word, '"') | AsciiWords.equalTo(word, '\\')) != 0
                    && !bytesEscapeFree(utf8, i, i + AsciiWords.BYTES)) {
                return false;
            }
        }
        return bytesEscapeFree(utf8, i, utf8.length);
    }

    /** The same rule for a single byte of UTF-8: 0xF0 and up lead a four-byte (supplementary) character. */
    public static boolean escapeFree(byte b) {
        return b >= 0x20 ? b != '"' && b != '\\' : b < 0 && (b & 0xFF) < 0xF0;
    }

    private static boolean bytesEscapeFree(byte[] utf8, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!escapeFree(utf8[i])) {
                return false;
            }
        }
        return true;
    }

    /** The bytes themselves (not a copy): read them, never change them. */
    public byte[] utf8() {
        return utf8;
    }

    /** True when the bytes may be written between JSON quotes as they are. */
    public boolean escapeFree() {
        return escapeFree;
    }

    @Override
    public JsonNodeType getNodeType() {
        return JsonNodeType.STRING;
    }

    @Override
    public JsonToken asToken() {
        return JsonToken.VALUE_STRING;
    }

    @Override
    public String textValue() {
        return new String(utf8, StandardCharsets.UTF_8);
    }

    @Override
    public String asText() {
        return textValue();
    }

    /** As text: not every generator takes UTF-8 bytes (the one behind {@code toString} writes characters). */
    @Override
    public void serialize(JsonGenerator g, SerializerProvider provider) throws IOException {
        g.writeString(textValue());
    }

    /** Equal to nodes of its own kind only, as Jackson's {@code TextNode} is to its own (equality stays symmetric). */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Utf8TextNode other && Arrays.equals(utf8, other.utf8);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(utf8);
    }
}
