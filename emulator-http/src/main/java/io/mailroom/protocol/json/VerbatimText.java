package io.mailroom.protocol.json;

import io.mailroom.core.text.AsciiWords;

/**
 * Tells whether a string's UTF-8 bytes may go between JSON quotes as they are, i.e. whether Jackson's
 * escaping would leave every character alone. Message bodies are mostly plain ASCII, and Jackson checks
 * and copies them a character at a time (through a char buffer); one pass over the bytes, eight at a
 * time, lets the generator copy them in one go instead.
 */
final class VerbatimText {
    private VerbatimText() {
    }

    /**
     * @param utf8 {@code text.getBytes(UTF_8)}
     * @return true when {@code text} is ASCII without control characters, quotes or backslashes
     */
    static boolean copiesVerbatim(String text, byte[] utf8) {
        // Equal lengths: every char became one byte, so all are ASCII, except that an unpaired surrogate
        // also becomes one byte, '?', where Jackson would refuse to write the string: leave those to it.
        if (utf8.length != text.length()) {
            return false;
        }
        int i = 0;
        for (int lastWord = utf8.length - AsciiWords.BYTES; i <= lastWord; i += AsciiWords.BYTES) {
            long word = AsciiWords.read(utf8, i);
            long stops = AsciiWords.below(word, ' ') | AsciiWords.equalTo(word, '"')
                    | AsciiWords.equalTo(word, '\\') | AsciiWords.equalTo(word, '?');
            if (stops != 0 && !bytesCopyVerbatim(text, utf8, i, i + AsciiWords.BYTES)) {
                return false;
            }
        }
        return bytesCopyVerbatim(text, utf8, i, utf8.length);
    }

    private static boolean bytesCopyVerbatim(String text, byte[] utf8, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = utf8[i];
            if (b < 0x20 || b == '"' || b == '\\' || (b == '?' && text.charAt(i) != '?')) {
                return false;
            }
        }
        return true;
    }
}
