package io.mailroom.sqs.message;

import io.mailroom.core.text.AsciiWords;
import io.mailroom.core.text.Utf8TextNode;

/**
 * UTF-8 lengths without encoding the string, and the checks SendMessage needs: XML-valid characters with
 * the UTF-8 length in the same pass, and for ASCII bodies the same check on their bytes, eight at a time.
 * Characters are copied a chunk at a time into a per-thread {@code char[]} ({@link String#getChars} is an
 * intrinsic, and inflates Latin-1 strings with vector instructions), so the loops index a plain array
 * instead of going through {@code String.charAt}'s coder branch and bounds check.
 */
final class Utf8 {
    /** Returned by {@link #lengthIfValidXml} for a string with a character SQS rejects. */
    static final int INVALID = -1;

    private static final int CHUNK = 2048;
    private static final ThreadLocal<char[]> BUFFER = ThreadLocal.withInitial(() -> new char[CHUNK]);

    private Utf8() {
    }

    /**
     * UTF-8 length of {@code s}; an unpaired surrogate counts as 3 bytes (the size SQS charges is only
     * asked of bodies that passed validation, which have none).
     */
    static int length(String s) {
        int n = s.length();
        int bytes = n;
        char[] buf = BUFFER.get();
        int start = 0;
        while (start < n) {
            int len = Math.min(CHUNK, n - start);
            s.getChars(start, start + len, buf, 0);
            int i = 0;
            for (; i < len; i++) {
                char c = buf[i];
                if (c < 0x80) {
                    continue;
                }
                if (c < 0x800) {
                    bytes += 1;
                } else {
                    bytes += 2;
                    if (Character.isHighSurrogate(c)) {
                        int next = start + i + 1;
                        if (next < n && Character.isLowSurrogate(i + 1 < len ? buf[i + 1] : s.charAt(next))) {
                            i++; // the pair is 4 bytes: 2 chars + 2
                        }
                    }
                }
            }
            start += i; // i is len + 1 when a pair straddled the chunk's end
        }
        return bytes;
    }

    /** What {@link #checkAscii} finds. */
    enum AsciiCheck {
        /** A character SQS rejects. */
        INVALID,
        /** Valid, and JSON's writers copy every byte as it is. */
        ESCAPE_FREE,
        /** Valid, with a tab, line break, quotation mark or backslash that JSON escapes. */
        WITH_ESCAPES
    }

    /**
     * Whether {@code s}, every character of which became one byte of {@code utf8} (so each is ASCII or an
     * unpaired surrogate, encoded as '?'), has only characters SQS accepts: tab, line feed, carriage
     * return and #x20 upwards, and no unpaired surrogate; and, in the same pass, whether it has any byte
     * JSON escapes ({@link Utf8TextNode#escapeFree(byte)}), which answers then need not look for.
     *
     */
    static AsciiCheck checkAscii(String s, byte[] utf8) {
        AsciiCheck verdict = AsciiCheck.ESCAPE_FREE;
        int i = 0;
        for (int lastWord = utf8.length - AsciiWords.BYTES; i <= lastWord; i += AsciiWords.BYTES) {
            long word = AsciiWords.read(utf8, i);
            if ((AsciiWords.below(word, ' ') | AsciiWords.equalTo(word, '?') | AsciiWords.equalTo(word, '"')
                    | AsciiWords.equalTo(word, '\\')) != 0) {
                AsciiCheck bytes = checkBytes(s, utf8, i, i + AsciiWords.BYTES);
                if (bytes == AsciiCheck.INVALID) {
                    return AsciiCheck.INVALID;
                }
                if (bytes == AsciiCheck.WITH_ESCAPES) {
                    verdict = AsciiCheck.WITH_ESCAPES;
                }
            }
        }
        AsciiCheck tail = checkBytes(s, utf8, i, utf8.length);
        return tail == AsciiCheck.ESCAPE_FREE ? verdict : tail;
    }

    private static AsciiCheck checkBytes(String s, byte[] utf8, int from, int to) {
        AsciiCheck verdict = AsciiCheck.ESCAPE_FREE;
        for (int i = from; i < to; i++) {
            byte b = utf8[i];
            if ((b < 0x20 && b != 0x9 && b != 0xA && b != 0xD) || (b == '?' && s.charAt(i) != '?')) {
                return AsciiCheck.INVALID;
            }
            if (!Utf8TextNode.escapeFree(b)) {
                verdict = AsciiCheck.WITH_ESCAPES;
            }
        }
        return verdict;
    }

    /**
     * UTF-8 length of {@code s} if every character is one SQS accepts (#x9 | #xA | #xD | #x20-#xD7FF |
     * #xE000-#xFFFD | #x10000-#x10FFFF, supplementary ones as surrogate pairs), else {@link #INVALID}.
     */
    static int lengthIfValidXml(String s) {
        int n = s.length();
        int bytes = n;
        char[] buf = BUFFER.get();
        int start = 0;
        while (start < n) {
            int len = Math.min(CHUNK, n - start);
            s.getChars(start, start + len, buf, 0);
            int i = 0;
            while (i < len && (char) (buf[i] - 0x20) < 0x60) {
                i++; // printable ASCII, the usual body: one compare per character
            }
            for (; i < len; i++) {
                char c = buf[i];
                if (c < 0x80) {
                    if (c < 0x20 && c != 0x9 && c != 0xA && c != 0xD) {
                        return INVALID;
                    }
                } else if (c < 0x800) {
                    bytes += 1;
                } else if (c <= 0xD7FF || (c >= 0xE000 && c <= 0xFFFD)) {
                    bytes += 2;
                } else if (Character.isHighSurrogate(c)) {
                    int next = start + i + 1;
                    if (next >= n || !Character.isLowSurrogate(i + 1 < len ? buf[i + 1] : s.charAt(next))) {
                        return INVALID;
                    }
                    bytes += 2;
                    i++;
                } else {
                    return INVALID; // unpaired low surrogate, #xFFFE or #xFFFF
                }
            }
            start += i;
        }
        return bytes;
    }
}
