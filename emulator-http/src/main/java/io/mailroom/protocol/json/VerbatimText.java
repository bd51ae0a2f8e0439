package io.mailroom.protocol.json;

/**
 * Tells whether a string's UTF-8 bytes may go between JSON quotes as they are, i.e. whether Jackson's
 * escaping would leave every character alone. Message bodies are mostly plain ASCII, and Jackson checks
 * and copies them a character at a time (through a char buffer); one table-driven pass over the bytes
 * lets the generator copy them in one go instead.
 */
final class VerbatimText {
    /** ASCII bytes that stop the verbatim copy: controls, {@code "} and {@code \}, and {@code ?} (see below). */
    private static final boolean[] STOPS = new boolean[128];

    static {
        for (int c = 0; c < 0x20; c++) {
            STOPS[c] = true;
        }
        STOPS['"'] = true;
        STOPS['\\'] = true;
        STOPS['?'] = true;
    }

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
        for (int i = 0; i < utf8.length; i++) {
            byte b = utf8[i];
            if (STOPS[b & 0x7F] && (b != '?' || text.charAt(i) != '?')) {
                return false;
            }
        }
        return true;
    }
}
